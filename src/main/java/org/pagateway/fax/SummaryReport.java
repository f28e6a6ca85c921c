package org.pagateway.fax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Decision;
import org.pagateway.model.Diagnosis;
import org.pagateway.model.Document;
import org.pagateway.model.Member;
import org.pagateway.model.Party;
import org.pagateway.model.ServiceLine;

/**
 * A one-page PDF of an authorization as the seed's viewer shows it: who asked, for which member, what and
 * when, the status with its reasons, and the supporting documents. It is what a provider downloads after
 * submitting, so it stays one page: every field has its share of the page, and the service lines take what
 * is left, listing the first ones and "... and K more".
 */
public final class SummaryReport {

    private static final float TITLE = 16;
    private static final float HEADING = 10.5f;
    private static final float SIZE = 8.5f;
    private static final float LEADING = 10.5f;
    private static final float HEADING_HEIGHT = 15;
    private static final float GAP = 6;
    private static final float FIELD_GAP = 2;
    private static final float LABEL_WIDTH = 120;
    private static final float TITLE_HEIGHT = TITLE + 8 + 12;

    private static final int MAX_PROVIDERS = 3;
    private static final int MAX_REASONS = 3;
    private static final int MAX_DOCUMENTS = 3;

    private static final float[] LINE_COLUMNS = {28, 62, 58, 78, 62};
    private static final String[] LINE_HEADERS = {"Line", "Code", "Code Type", "Modifiers", "Units", "Service Dates"};
    private static final float[] DOCUMENT_COLUMNS = {200, 130, 50};
    private static final String[] DOCUMENT_HEADERS = {"Description", "Document", "Size", "Uploaded"};

    private SummaryReport() {
    }

    /** Dates and times are printed in the given zone (the payer's), documents in the order given. */
    public static byte[] render(Authorization authorization, List<Document> documents, ZoneId zone) {
        List<Document> docs = documents == null ? List.of() : documents;
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("Authorization summary " + Printed.text(authorization.id()));
            try (PageWriter page = new PageWriter(pdf)) {
                new Layout(page, authorization, docs, zone).draw();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary of " + authorization.id(), e);
        }
    }

    /** A label and its value, already wrapped to its share of the page. */
    private record Field(String label, List<String> lines) {
        float height() {
            return Math.max(1, lines.size()) * LEADING + FIELD_GAP;
        }
    }

    /** The page measured before it is drawn: everything but the service lines has a fixed most it may take. */
    private static final class Layout {

        private final PageWriter page;
        private final Authorization authorization;
        private final AuthorizationRequest request;
        private final Decision decision;
        private final List<Document> documents;
        private final ZoneId zone;
        private final float valueWidth;

        Layout(PageWriter page, Authorization authorization, List<Document> documents, ZoneId zone) {
            this.page = page;
            this.authorization = authorization;
            this.request = authorization.request();
            this.decision = authorization.decision();
            this.documents = documents;
            this.zone = zone;
            this.valueWidth = page.width() - LABEL_WIDTH;
        }

        void draw() throws IOException {
            List<Field> fields = fields();
            List<String> remarks = PageWriter.wrap(page.regular, SIZE, request.remarks(), page.width(), 5);
            List<Field> outcome = outcome();
            // must add up exactly what the drawing below moves down, gaps included
            float fixed = TITLE_HEIGHT + height(fields) + GAP
                    + HEADING_HEIGHT + LEADING + 3 + GAP
                    + HEADING_HEIGHT + Math.max(1, remarks.size()) * LEADING + GAP
                    + HEADING_HEIGHT + height(outcome) + GAP
                    + HEADING_HEIGHT + documentsHeight();
            int rows = (int) Math.floor((page.remaining() - fixed) / LEADING);

            title();
            for (Field f : fields) {
                field(f);
            }
            page.down(GAP);
            serviceLines(rows);
            page.down(GAP);
            heading("Remarks");
            lines(remarks.isEmpty() ? List.of("None") : remarks);
            page.down(GAP);
            heading("Decision");
            for (Field f : outcome) {
                field(f);
            }
            page.down(GAP);
            documents();
        }

        private void title() throws IOException {
            page.down(TITLE);
            page.text(page.bold, TITLE, page.left(), "Authorization Summary");
            page.down(8);
            page.rule();
            page.down(12);
        }

        private List<Field> fields() {
            List<Field> fields = new ArrayList<>();
            fields.add(field("Authorization ID:", authorization.id(), 1));
            fields.add(field("Status:", authorization.status() == null ? "" : authorization.status().name(), 1));
            fields.add(field("Decision Action:", action(decision.actionCode()), 1));
            fields.add(field("Request Type:", requestType(), 1));
            fields.add(field("Created:", authorization.createdAt() == null ? ""
                    : Printed.dateTime(authorization.createdAt().atZone(zone)), 1));
            fields.add(field("Member ID:", memberId(), 1));
            fields.add(field("Requester:", Printed.nameWithNpi(request.requester()), 2));
            fields.add(new Field("Servicing:", providers()));
            fields.add(field("Diagnoses:", diagnoses(), 2));
            fields.add(field("Service Dates:", Printed.dates(request.serviceDates()), 1));
            if (request.admissionDates() != null) {
                fields.add(field("Admission Dates:", Printed.dates(request.admissionDates()), 1));
            }
            return fields;
        }

        private List<Field> outcome() {
            List<Field> outcome = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            List<String> all = decision.reasons();
            for (String reason : all.subList(0, Math.min(all.size(), MAX_REASONS))) {
                reasons.addAll(PageWriter.wrap(page.regular, SIZE, reason, valueWidth, 2));
            }
            if (all.size() > MAX_REASONS) {
                reasons.add(more(all.size() - MAX_REASONS, "reason", "reasons"));
            }
            outcome.add(new Field("Reasons:", reasons.isEmpty() ? List.of("None") : reasons));
            if (decision.faxNotice() != null && !decision.faxNotice().isBlank()) {
                outcome.add(field("Message:", decision.faxNotice(), 5));
            }
            return outcome;
        }

        private Field field(String label, String value, int maxLines) {
            return new Field(label, PageWriter.wrap(page.regular, SIZE, value, valueWidth, maxLines));
        }

        private void field(Field f) throws IOException {
            page.down(LEADING);
            page.text(page.bold, SIZE, page.left(), f.label());
            for (int i = 0; i < f.lines().size(); i++) {
                if (i > 0) {
                    page.down(LEADING);
                }
                page.text(page.regular, SIZE, page.left() + LABEL_WIDTH, f.lines().get(i));
            }
            page.down(FIELD_GAP);
        }

        private void heading(String text) throws IOException {
            page.down(HEADING_HEIGHT);
            page.text(page.bold, HEADING, page.left(), text);
        }

        private void lines(List<String> lines) throws IOException {
            for (String line : lines) {
                page.down(LEADING);
                page.text(page.regular, SIZE, page.left(), line);
            }
        }

        /** As many lines as the page has room for; when it has not, the last row says how many are left out. */
        private void serviceLines(int rows) throws IOException {
            heading("Service Lines");
            table(LINE_COLUMNS, LINE_HEADERS, page.bold);
            page.down(3);
            page.rule();
            List<ServiceLine> lines = request.serviceLines();
            if (lines.isEmpty()) {
                page.down(LEADING);
                page.text(page.regular, SIZE, page.left(), "None");
                return;
            }
            int shown = lines.size() <= rows ? lines.size() : Math.max(0, rows - 1);
            for (ServiceLine line : lines.subList(0, shown)) {
                table(LINE_COLUMNS, new String[] {String.valueOf(line.lineNumber()), line.code(),
                        line.codeType() == null ? "" : line.codeType().name(), String.join(", ", line.modifiers()),
                        units(line.quantity(), line.unitType()), Printed.dates(line.serviceDates())}, page.regular);
            }
            if (shown < lines.size()) {
                page.down(LEADING);
                page.text(page.regular, SIZE, page.left(), more(lines.size() - shown, "service line", "service lines"));
            }
        }

        private void documents() throws IOException {
            heading("Supporting Documentation");
            if (documents.isEmpty()) {
                page.down(LEADING);
                page.text(page.regular, SIZE, page.left(), "None");
                return;
            }
            table(DOCUMENT_COLUMNS, DOCUMENT_HEADERS, page.bold);
            page.down(3);
            page.rule();
            for (Document d : documents.subList(0, Math.min(documents.size(), MAX_DOCUMENTS))) {
                table(DOCUMENT_COLUMNS, new String[] {d.description(), d.fileName(), kilobytes(d.sizeBytes()),
                        d.uploadedAt() == null ? "" : Printed.dateTime(d.uploadedAt().atZone(zone))}, page.regular);
            }
            if (documents.size() > MAX_DOCUMENTS) {
                page.down(LEADING);
                page.text(page.regular, SIZE, page.left(), more(documents.size() - MAX_DOCUMENTS, "document", "documents"));
            }
        }

        private float documentsHeight() {
            if (documents.isEmpty()) {
                return LEADING;
            }
            int rows = Math.min(documents.size(), MAX_DOCUMENTS) + (documents.size() > MAX_DOCUMENTS ? 1 : 0);
            return LEADING + 3 + rows * LEADING;
        }

        /** One row: each cell cut to its column; the last column takes the rest of the width. */
        private void table(float[] widths, String[] cells, PDFont font) throws IOException {
            page.down(LEADING);
            float x = page.left();
            for (int i = 0; i < cells.length; i++) {
                float width = i < widths.length ? widths[i] : page.left() + page.width() - x;
                page.text(font, SIZE, x, PageWriter.fit(font, SIZE, cells[i], width - 4));
                x += width;
            }
        }

        private List<String> providers() {
            List<Party> all = request.servicingProviders();
            List<String> lines = new ArrayList<>();
            for (Party p : all.subList(0, Math.min(all.size(), MAX_PROVIDERS))) {
                String role = p.role() == null ? "" : " - " + p.role().name().replace('_', ' ').toLowerCase();
                lines.add(PageWriter.fit(page.regular, SIZE, Printed.nameWithNpi(p) + role, valueWidth));
            }
            if (all.size() > MAX_PROVIDERS) {
                lines.add(more(all.size() - MAX_PROVIDERS, "provider", "providers"));
            }
            return lines.isEmpty() ? List.of("None") : lines;
        }

        private String diagnoses() {
            return request.diagnoses().stream().map(SummaryReport::diagnosis).collect(Collectors.joining(", "));
        }

        private String memberId() {
            Member patient = request.patient();
            if (patient != null && patient.memberId() != null) {
                return patient.memberId();
            }
            return request.subscriber() == null ? "" : Printed.text(request.subscriber().memberId());
        }

        private String requestType() {
            String category = request.category() == null ? "" : request.category().name().replace('_', ' ').toLowerCase();
            return request.serviceType() == null ? category : category + " (service type " + request.serviceType() + ")";
        }

        private static float height(List<Field> fields) {
            float h = 0;
            for (Field f : fields) {
                h += f.height();
            }
            return h;
        }
    }

    /** ICD-10-CM codes travel without their dot (S82891B); people read them with it (S82.891B). */
    static String diagnosis(Diagnosis d) {
        String code = Printed.text(d.code());
        String shown = code.length() > 3 && code.indexOf('.') < 0 ? code.substring(0, 3) + "." + code.substring(3) : code;
        return "ABK".equals(d.qualifier()) ? shown + " (principal)" : shown;
    }

    /** HCR01 in words, as a provider reads it. */
    static String action(String code) {
        if (code == null) {
            return "";
        }
        String words = switch (code) {
            case "A1" -> "certified in total";
            case "A2" -> "certified, partial";
            case "A3" -> "not certified";
            case "A4" -> "pended";
            case "A6" -> "modified";
            case "C" -> "cancelled";
            case "CT" -> "contact payer";
            case "NA" -> "no action required";
            default -> null;
        };
        return words == null ? code : code + " (" + words + ")";
    }

    private static String units(BigDecimal quantity, String unitType) {
        if (quantity == null) {
            return "";
        }
        String amount = quantity.stripTrailingZeros().toPlainString();
        return unitType == null ? amount : amount + " " + unitType;
    }

    /** The seed's viewer shows sizes in whole kilobytes (349KB); a small file is still 1KB, not 0. */
    private static String kilobytes(long bytes) {
        return ((bytes + 1023) / 1024) + "KB";
    }

    private static String more(int count, String one, String many) {
        return "... and " + count + " more " + (count == 1 ? one : many);
    }
}

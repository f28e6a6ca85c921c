package org.pagateway.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagateway.model.Authorization;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Diagnosis;
import org.pagateway.model.Document;
import org.pagateway.model.DocumentSource;
import org.pagateway.model.DocumentType;
import org.pagateway.model.ServiceLine;
import org.pagateway.support.RenderedPdf;
import org.pagateway.support.SampleAuthorizations;
import org.pagateway.support.Samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SummaryReportTest {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final Instant CREATED = Instant.parse("2019-06-13T14:30:00Z");

    @Test
    void theSummaryShowsWhatTheSeedsViewerShows() {
        Authorization authorization = SampleAuthorizations.of(SampleAuthorizations.request("01-outpatient-surgical-sdc.json"),
                "19164R00145", CREATED);
        List<Document> documents = List.of(
                document(0, "Clinical information rcvd 06/13/2019", "19164R00145.pdf", 233_472, "2019-06-13T14:30:00Z"),
                document(1, "19164R00145 06/13/2019 01:49 PM", "19164R00145-1.pdf", 357_000, "2019-06-13T17:49:00Z"));

        RenderedPdf pdf = RenderedPdf.of(SummaryReport.render(authorization, documents, BOSTON));

        assertEquals(1, pdf.pages());
        String text = pdf.flat();
        for (String expected : List.of(
                "Authorization ID: 19164R00145",
                "Status: MEDREVIEW",
                "Decision Action: A4 (pended)",
                "Created: 06/13/2019 10:30 AM EDT",
                "Member ID: EXH100234501",
                "Requester: NORTHGATE ORTHOPEDIC ASSOCIATES (1588203640)",
                "MILLBROOK SURGICAL DAY CENTER (1106584323) - facility",
                "KOWALCZYK, RENATA M (1511432985) - surgeon",
                "Diagnoses: M23.221 (principal), M25.561, M17.11",
                "Service Dates: 12/14/2026 - 03/13/2027",
                "Line Code Code Type Modifiers Units Service Dates",
                "1 29881 CPT RT 1 UN 12/14/2026 - 03/13/2027",
                "Remarks Right knee arthroscopy with partial medial meniscectomy after 12 weeks of failed PT.",
                "Reasons: Surgical (SDC): medical review",
                "In the interim, you can fax your clinical notes to us at 617-586-1700.",
                "Clinical information rcvd 06/13/2019 19164R00145.pdf 228KB 06/13/2019 10:30 AM EDT",
                "19164R00145 06/13/2019 01:49 PM 19164R00145-1.pdf 349KB 06/13/2019 01:49 PM EDT")) {
            assertTrue(text.contains(expected), () -> "missing: " + expected + "\n" + pdf.text());
        }
    }

    static Stream<Path> samples() {
        return Samples.list(Samples.ROOT.resolve("json"), ".json").stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleFitsOnePageWithItsCodes(Path sample) {
        Authorization authorization = SampleAuthorizations.of(SampleAuthorizations.request(sample.getFileName().toString()),
                "19164R00145", CREATED);

        RenderedPdf pdf = RenderedPdf.of(SummaryReport.render(authorization, List.of(), BOSTON));

        assertEquals(1, pdf.pages());
        String text = pdf.flat();
        assertTrue(text.contains("Authorization ID: 19164R00145"), text);
        for (ServiceLine line : authorization.request().serviceLines()) {
            assertTrue(text.contains(line.lineNumber() + " " + line.code()), () -> "line " + line.lineNumber() + "\n" + text);
        }
        for (Diagnosis d : authorization.request().diagnoses()) {
            assertTrue(text.contains(SummaryReport.diagnosis(d)), () -> d.code() + "\n" + text);
        }
    }

    @Test
    void aLongRequestStaysOnOnePageAndSaysWhatItLeavesOut() throws Exception {
        ObjectNode request = SampleAuthorizations.request("01-outpatient-surgical-sdc.json");
        ArrayNode lines = request.putArray("serviceLines");
        for (int i = 1; i <= 40; i++) {
            ObjectNode line = lines.addObject();
            line.put("lineNumber", i).put("serviceTypeCode", "2").put("codeType", "CPT").put("code", String.format("9%04d", i))
                    .put("quantity", 12).put("unitType", "UN");
            line.putArray("modifiers").add("RT").add("59").add("XS").add("GA");
            line.putObject("serviceDates").put("start", "2026-12-14").put("end", "2027-03-13");
        }
        // the widest 255 characters there are, and no space to break them at
        request.put("remarks", "W".repeat(255));
        ArrayNode diagnoses = request.putArray("diagnoses");
        for (int i = 0; i < 12; i++) {
            diagnoses.addObject().put("qualifier", i == 0 ? "ABK" : "ABF").put("code", "S82891" + (char) ('A' + i));
        }
        ArrayNode providers = request.putArray("servicingProviders");
        for (int i = 0; i < 8; i++) {
            providers.addObject().put("role", "SERVICING").put("entityCode", "SJ").put("organization", true)
                    .put("lastOrOrganizationName", "MADE-UP REGIONAL MULTISPECIALTY SURGICAL AND REHABILITATION GROUP " + i)
                    .put("idQualifier", "XX").put("id", "150000000" + i);
        }
        ObjectNode decision = CanonicalJson.mapper().createObjectNode().put("status", "DENIED").put("actionCode", "A3")
                .put("faxNotice", "Fax the operative plan and imaging reports to 617-586-1700. ".repeat(20));
        ArrayNode reasons = decision.putArray("reasons");
        for (int i = 1; i <= 6; i++) {
            reasons.add("Reason " + i + ": the documentation does not show conservative treatment for the period the"
                    + " plan's guideline asks for, nor imaging that supports the requested procedure. ".repeat(3));
        }
        Authorization authorization = SampleAuthorizations.of(request, "19164R00145", CREATED, decision);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            documents.add(document(i, "Clinical information rcvd 06/13/2019 ".repeat(4), "19164R00145-" + i + ".pdf",
                    5 * 1024 * 1024, "2019-06-13T17:49:00Z"));
        }

        RenderedPdf pdf = RenderedPdf.of(SummaryReport.render(authorization, documents, BOSTON));

        assertEquals(1, pdf.pages());
        String text = pdf.flat();
        Matcher more = Pattern.compile("\\.\\.\\. and (\\d+) more service lines").matcher(text);
        assertTrue(more.find(), text);
        int shown = 40 - Integer.parseInt(more.group(1));
        assertTrue(shown >= 10, () -> "only " + shown + " service lines\n" + text);
        assertTrue(text.contains(shown + " " + String.format("9%04d", shown) + " CPT RT, 59, XS, GA 12 UN"), text);
        assertFalse(text.contains(String.format("9%04d", shown + 1)), text);
        assertTrue(text.contains("Status: DENIED"), text);
        assertTrue(text.contains("Decision Action: A3 (not certified)"), text);
        assertTrue(text.contains("Remarks WWWWWWWWWW"), text);
        assertTrue(text.contains("... and 5 more providers"), text);
        assertTrue(text.contains("... and 3 more reasons"), text);
        // the last thing on the page is still there: nothing ran off the bottom
        assertTrue(text.endsWith("... and 7 more documents"), text);
    }

    @Test
    void remarksHelveticaCannotDrawStillGiveASummary() {
        ObjectNode request = SampleAuthorizations.request("03-admission-inpatient.json");
        request.put("remarks", "Patient prefers Ελληνικά; née Zoë 🙂\nsecond line");

        String text = RenderedPdf.of(SummaryReport.render(SampleAuthorizations.of(request, "19164R00148", CREATED),
                List.of(), BOSTON)).flat();

        assertTrue(text.contains("Patient prefers ????????; née Zoë ? second line"), text);
    }

    private static Document document(int sequence, String description, String fileName, long size, String uploaded) {
        return new Document(sequence + 1L, "19164R00145", sequence, description, fileName, "notes.pdf", DocumentType.PDF,
                size, "0".repeat(64), Instant.parse(uploaded), "kmarsh", DocumentSource.UPLOAD);
    }
}

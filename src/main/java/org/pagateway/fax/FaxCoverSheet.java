package org.pagateway.fax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The seed's fax cover sheet as a one-page PDF: To, Fax Number, Auth Id, then From, Site, NPI, Phone, Date,
 * what is enclosed, and the Notice of Confidentiality. The provider prints it and faxes it in front of the
 * clinicals, so the payer files them under the right authorization.
 */
public final class FaxCoverSheet {

    private static final float TITLE = 20;
    private static final float FIELD = 12;
    private static final float NOTICE = 10;
    private static final float LABEL_WIDTH = 110;

    private FaxCoverSheet() {
    }

    public static byte[] render(FaxCover cover) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Fax cover sheet " + Printed.text(cover.authorizationId()));
            try (PageWriter page = new PageWriter(document)) {
                page.down(TITLE);
                page.text(page.bold, TITLE, page.left(), "Fax Cover Sheet");
                page.down(10);
                page.rule();
                page.down(28);
                field(page, "To:", cover.to(), 2);
                field(page, "Fax Number:", cover.faxNumber(), 1);
                field(page, "Auth Id:", cover.authorizationId(), 1);
                page.down(FIELD);
                field(page, "From:", cover.from(), 3);
                field(page, "Site:", cover.site(), 3);
                field(page, "NPI:", cover.npi(), 1);
                field(page, "Phone:", cover.phone(), 1);
                field(page, "Date:", Printed.dateTime(cover.submittedAt()), 1);
                page.down(FIELD);
                field(page, "Contents:", cover.contents(), 4);
                page.down(2 * FIELD);
                page.text(page.bold, NOTICE + 1, page.left(), "Notice of Confidentiality:");
                page.down(NOTICE * 1.6f);
                for (String line : PageWriter.wrap(page.regular, NOTICE, cover.notice(), page.width(), 10)) {
                    page.text(page.regular, NOTICE, page.left(), line);
                    page.down(NOTICE * 1.3f);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fax cover sheet", e);
        }
    }

    /**
     * A bold label and its value beside it. A long value wraps under itself up to its share of the page, which
     * together with the others' keeps the sheet on one page whatever the input.
     */
    private static void field(PageWriter page, String label, String value, int maxLines) throws IOException {
        page.text(page.bold, FIELD, page.left(), label);
        float x = page.left() + LABEL_WIDTH;
        List<String> lines = PageWriter.wrap(page.regular, FIELD, value, page.width() - LABEL_WIDTH, maxLines);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                page.down(FIELD * 1.25f);
            }
            page.text(page.regular, FIELD, x, lines.get(i));
        }
        page.down(FIELD * 1.9f);
    }
}

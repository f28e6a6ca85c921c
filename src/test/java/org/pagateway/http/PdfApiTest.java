package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.RenderedPdf;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;
import org.pagateway.support.X12Revisions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fax fallback end to end: a pended or fax-only answer says where to fax what, with the authorization ID and the
 * date and time of submission in the payer's time zone (JSON in full, the 278's MSG in short), and the fax cover
 * sheet and summary report come as PDFs whose text reads back.
 */
@ExtendWith(RunningGateway.class)
class PdfApiTest {

    private static final ZoneId PAYER = ZoneId.of("America/New_York");

    @Test
    void aPendedJsonAnswerCarriesTheFullNoticeAndTheCoverSheetMatchesIt() throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("19-individual-consideration.json")));
        assertEquals(201, created.statusCode());
        JsonNode body = CanonicalJson.mapper().readTree(created.body());
        String id = body.get("id").asText();
        assertEquals("FAX_ONLY", body.at("/decision/outcome").asText());
        String submitted = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a z", Locale.US)
                .format(Instant.parse(body.get("createdAt").asText()).atZone(PAYER));
        String notice = body.at("/decision/faxNotice").asText();
        assertTrue(notice.contains("Authorization " + id + " was submitted online " + submitted + "."), notice);
        assertTrue(notice.contains("Fax the request with the clinical notes to 617-586-1700"), notice);

        HttpResponse<byte[]> cover = RunningGateway.get("/api/v1/authorizations/" + id + "/fax-cover?contents=Therapy%20plan");
        assertEquals(200, cover.statusCode());
        assertEquals("application/pdf", cover.headers().firstValue("Content-Type").orElse(""));
        RenderedPdf pdf = RenderedPdf.of(cover.body());
        assertEquals(1, pdf.pages());
        String text = pdf.flat();
        for (String field : new String[] {"To: EXAMPLE HEALTH PARTNERS", "Fax Number: 617-586-1700", "Auth Id: " + id,
                "Date: " + submitted, "Contents: Therapy plan", "Notice of Confidentiality:"}) {
            assertTrue(text.contains(field), () -> field + " in " + text);
        }
    }

    @Test
    void anX12SubmitterGetsTheShortNoticeInMsg() {
        X12Parsed answer = X12Parsed.read(RunningGateway.post("/x12/278", "application/edi-x12",
                X12Revisions.fresh("13-chiropractic.edi")).body());
        assertEquals("A4", answer.first("HCR").get(1));
        String id = answer.first("HCR").get(2);
        String msg = answer.first("MSG").get(1);
        assertTrue(msg.length() <= 264, msg);
        assertTrue(msg.matches(".*Fax clinical notes to 617-586-1700 with the cover sheet of " + id
                + ", submitted \\d\\d/\\d\\d/\\d{4} \\d\\d\\.\\d\\d [AP]M E[SD]T\\..*"), msg);
    }

    @Test
    void theSummaryIsOnePageOfTheRequestAndItsStatus() throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("03-admission-inpatient.json")));
        String id = CanonicalJson.mapper().readTree(created.body()).get("id").asText();
        HttpResponse<byte[]> summary = RunningGateway.get("/api/v1/authorizations/" + id + "/summary");
        assertEquals(200, summary.statusCode());
        assertEquals("application/pdf", summary.headers().firstValue("Content-Type").orElse(""));
        RenderedPdf pdf = RenderedPdf.of(summary.body());
        assertEquals(1, pdf.pages());
        String text = pdf.flat();
        assertTrue(text.contains("Authorization ID: " + id) && text.contains("Status: MEDREVIEW")
                && text.contains("Member ID: EXH100234503"), text);
    }

    @Test
    void anUnknownAuthorizationHasNoPapers() {
        for (String path : new String[] {"fax-cover", "summary"}) {
            HttpResponse<byte[]> missing = RunningGateway.get("/api/v1/authorizations/26001R99999/" + path);
            assertEquals(404, missing.statusCode());
            assertEquals(Problem.CONTENT_TYPE, missing.headers().firstValue("Content-Type").orElse(""));
        }
        assertEquals(400, RunningGateway.get("/api/v1/authorizations/26001R99999/fax-cover?contents=" + "x".repeat(201))
                .statusCode(), "what a cover says is enclosed fits on it");
    }
}

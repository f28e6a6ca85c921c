package org.pagateway.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.QueueProbe;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;
import org.pagateway.support.X12Revisions;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * Revisions (the seed's concurrent review) on a running gateway, as JSON and as X12 278 (UM02 S, 4, 3 with REF*BB):
 * only APPROVED and MEDREVIEW authorizations may be revised; added units or procedures put it back in medical
 * review on its queue; dates travel in the remarks; a corrected procedure code is refused with the payer's
 * instruction; a cancel closes it with HCR C; the history keeps each step.
 */
@ExtendWith(RunningGateway.class)
class RevisionTest {

    @Test
    void addedVisitsPutAnApprovedReferralBackInMedicalReviewOnItsQueue() throws Exception {
        String id = submit("02-referral-specialist.json", "APPROVED");
        HttpResponse<byte[]> revised = revise(id, """
                {"requestedBy":"front.desk","addUnits":[{"line":1,"units":2}],"remarks":"Rhythm follow-up."}""");
        assertEquals(200, revised.statusCode(), text(revised));
        JsonNode body = json(revised);
        assertEquals("MEDREVIEW", body.at("/decision/status").asText());
        assertEquals("A4", body.at("/decision/actionCode").asText());
        assertEquals("review.medical.referral", body.at("/decision/reviewQueue").asText());
        assertEquals(5, body.at("/request/quantity").asInt(), "3 visits + 2");

        JsonNode view = json(RunningGateway.get("/api/v1/authorizations/" + id));
        assertEquals(5, view.at("/serviceLines/0/totalUnits").asInt());
        assertEquals(0, view.at("/serviceLines/0/usedUnits").asInt());
        assertEquals(List.of("RECEIVED:-:APPROVED:gateway", "REVISE:APPROVED:MEDREVIEW:front.desk"), steps(view));
        assertEquals("2 visit(s) added. Remarks: Rhythm follow-up.", view.at("/history/1/note").asText());

        Message queued = QueueProbe.take("review.medical.referral", id, 5_000);
        assertNotNull(queued, "waits on its medical review queue");
        assertEquals(5, CanonicalJson.mapper().readTree(((TextMessage) queued).getText()).at("/request/quantity").asInt());
    }

    @Test
    void aRevisionOfOneInMedicalReviewReplacesItsQueuedMessageAndCarriesTheDatesInTheRemarks() throws Exception {
        String id = submit("03-admission-inpatient.json", "MEDREVIEW");
        HttpResponse<byte[]> revised = revise(id, """
                {"requestedBy":"ur.desk","addUnits":[{"line":1,"code":"0121","units":2}],"dateExtension":"2026-12-04",
                 "addProcedures":[{"code":"0200","codeType":"REVENUE","units":1,"unitType":"DA"}]}""");
        assertEquals(200, revised.statusCode(), text(revised));
        JsonNode body = json(revised);
        assertEquals(5, body.at("/request/serviceLines/0/quantity").asInt());
        assertEquals("0200", body.at("/request/serviceLines/1/code").asText());
        assertEquals(6, body.at("/request/quantity").asInt(), "3 days + 2 + 1");
        String reason = body.at("/decision/reasons/0").asText();
        assertTrue(reason.contains("Remarks: Date extension requested through 12/04/2026."), reason);

        Message queued = QueueProbe.take("review.medical.admission", id, 5_000);
        assertNotNull(queued);
        assertEquals(2, CanonicalJson.mapper().readTree(((TextMessage) queued).getText()).at("/request/serviceLines").size(),
                "the reviewer gets the revised authorization");
        assertNull(QueueProbe.take("review.medical.admission", id, 300), "and only that one");
    }

    @Test
    void onlyApprovedAndMedicalReviewMayBeRevisedAndARefusalSaysWhy() throws Exception {
        String pended = submit("39-dme-no-prescription.json", "PEND");
        HttpResponse<byte[]> refused = revise(pended, """
                {"requestedBy":"front.desk","remarks":"Prescription attached."}""");
        assertEquals(409, refused.statusCode());
        assertTrue(json(refused).get("detail").asText().contains("is PEND; only APPROVED and MEDREVIEW"), text(refused));

        String denied = submit("32-chiropractic-over-benefit-limit.json", "DENIED");
        assertEquals(409, revise(denied, "{\"requestedBy\":\"x\",\"remarks\":\"Please reconsider.\"}").statusCode());
        assertEquals(404, revise("26001R99999", "{\"requestedBy\":\"x\",\"remarks\":\"?\"}").statusCode());
        assertEquals(400, revise(denied, "{\"requestedBy\":\"x\",\"addUnits\":\"two\"}").statusCode());
    }

    @Test
    void aCorrectedProcedureCodeIsRefusedWithThePayersInstruction() throws Exception {
        String id = submit("10-orthotics.json", "MEDREVIEW");
        HttpResponse<byte[]> refused = revise(id, """
                {"requestedBy":"front.desk","addUnits":[{"line":1,"code":"L1832","units":1}]}""");
        assertEquals(422, refused.statusCode());
        JsonNode problem = json(refused);
        assertEquals("https://pa-gateway.org/problems/corrected-procedure-code", problem.get("type").asText());
        assertEquals("EXAMPLE HEALTH PARTNERS will not accept corrected procedure codes through this gateway."
                + " Please submit a revision and put the corrected code in the remarks.", problem.get("detail").asText());
        assertEquals("addUnits[0].code", problem.at("/errors/0/field").asText());
        assertEquals("MEDREVIEW", json(RunningGateway.get("/api/v1/authorizations/" + id)).get("status").asText(), "unchanged");
    }

    @Test
    void fieldsThatCannotBeTakenAreEachNamed() throws Exception {
        String id = submit("10-orthotics.json", "MEDREVIEW");
        HttpResponse<byte[]> refused = revise(id, """
                {"addUnits":[{"line":0,"units":0}],"remarks":"%s","cancel":true}""".formatted("x".repeat(256)));
        assertEquals(422, refused.statusCode());
        assertEquals(List.of("requestedBy", "addUnits[0].line", "addUnits[0].units", "remarks", "cancel"), fields(refused));
        HttpResponse<byte[]> wrongCode = revise(id, """
                {"requestedBy":"front.desk","addProcedures":[{"code":"E0114","units":1}],"addUnits":[{"line":7,"units":1}]}""");
        assertEquals(422, wrongCode.statusCode());
        assertEquals(List.of("addUnits[0].line", "addProcedures[0].code"), fields(wrongCode));
        assertTrue(text(wrongCode).contains("needs HCPCS codes L0112-L4631, L5000-L8699"), text(wrongCode));
    }

    @Test
    void aCancelClosesTheAuthorizationWithHcrCAndTakesItOffItsQueue() throws Exception {
        String id = submit("15-infusion.json", "MEDREVIEW");
        HttpResponse<byte[]> cancelled = revise(id, """
                {"requestedBy":"front.desk","cancel":true,"remarks":"Treatment moved to another facility."}""");
        assertEquals(200, cancelled.statusCode(), text(cancelled));
        assertEquals("CLOSED", json(cancelled).at("/decision/status").asText());
        X12Parsed x12 = X12Parsed.read(RunningGateway.get("/api/v1/authorizations/" + id + "/response").body());
        assertEquals(List.of(), x12.errors(), x12.toString());
        assertEquals(List.of("C", id), x12.first("HCR").elements());
        assertNull(QueueProbe.take("review.medical.infusion", id, 500), "off the review queue");
        assertEquals(409, revise(id, "{\"requestedBy\":\"front.desk\",\"remarks\":\"Never mind.\"}").statusCode());
    }

    @Test
    void anX12RevisionIsAnsweredWithA278ForTheSameAuthorization() throws Exception {
        String id = hcr(RunningGateway.post("/x12/278", "application/edi-x12", X12Revisions.fresh("02-referral-specialist.edi")))
                .get(1);
        byte[] revision = X12Revisions.revision("02-referral-specialist.edi", "S", id,
                t -> t.replace("HSD*VS*3~", "HSD*VS*5~").replaceFirst("MSG\\*[^~]*~", "MSG*2 more visits for rhythm follow-up.~"));
        HttpResponse<byte[]> answer = RunningGateway.post("/x12/278", "application/edi-x12", revision);
        X12Parsed x12 = X12Parsed.read(answer.body());
        assertEquals(List.of(), x12.errors(), x12.toString());
        assertEquals(List.of("A4", id), x12.first("HCR").elements(), "the revised authorization, not a new one");
        assertEquals(List.of("BB", id), x12.first("REF").elements());
        assertEquals(List.of("SC", "S", "3", "11:B"), x12.first("UM").elements(), "the revision's UM echoed");
        String msg = x12.first("MSG").get(1);
        assertTrue(msg.startsWith("Revision received; pended for medical review. Fax") && msg.contains("617-586-1700")
                && msg.contains(id), msg);

        JsonNode view = json(RunningGateway.get("/api/v1/authorizations/" + id));
        assertEquals("MEDREVIEW", view.get("status").asText());
        assertEquals(5, view.at("/serviceLines/0/totalUnits").asInt());
        assertEquals("X12 NPI 1043729189", view.at("/history/1/actor").asText());
        assertEquals("2 visit(s) added. Remarks: 2 more visits for rhythm follow-up.", view.at("/history/1/note").asText());

        // the same interchange resent: answered again, not applied twice
        X12Parsed again = X12Parsed.read(RunningGateway.post("/x12/278", "application/edi-x12", revision).body());
        assertEquals(List.of("A4", id), again.first("HCR").elements());
        assertEquals(5, json(RunningGateway.get("/api/v1/authorizations/" + id)).at("/serviceLines/0/totalUnits").asInt());

        X12Parsed cancelled = X12Parsed.read(RunningGateway.post("/x12/278", "application/edi-x12",
                X12Revisions.revision("02-referral-specialist.edi", "3", id, t -> t)).body());
        assertEquals(List.of("C", id), cancelled.first("HCR").elements());
        assertEquals("CLOSED", json(RunningGateway.get("/api/v1/authorizations/" + id)).get("status").asText());
    }

    @Test
    void anX12RevisionThatCannotBeTakenGetsAaaWhereTheProblemIs() throws Exception {
        X12Parsed unknown = X12Parsed.read(RunningGateway.post("/x12/278", "application/edi-x12",
                X12Revisions.revision("02-referral-specialist.edi", "S", "26001R99999", t -> t)).body());
        assertEquals(List.of(), unknown.errors(), unknown.toString());
        assertEquals(List.of("N", "", "AA", "C"), unknown.first("AAA").elements(), "authorization number not found");
        assertTrue(unknown.all("HCR").isEmpty());

        String pended = hcr(RunningGateway.post("/x12/278", "application/edi-x12", X12Revisions.fresh("39-dme-no-prescription.edi")))
                .get(1);
        X12Parsed notRevisable = X12Parsed.read(RunningGateway.post("/x12/278", "application/edi-x12",
                X12Revisions.revision("39-dme-no-prescription.edi", "S", pended, t -> t)).body());
        assertEquals(List.of("N", "", "41", "N"), notRevisable.first("AAA").elements());
        assertTrue(notRevisable.first("MSG").get(1).contains("is PEND"), notRevisable.toString());

        // the orthotic line sent again under its own trace number (2000F TRN), with another code: a corrected code
        UnaryOperator<String> traced = t -> t.replace("HL*5*4*SS*0~", "HL*5*4*SS*0~TRN*1*ORT-LINE-1*9811223344~");
        String orthotic = hcr(RunningGateway.post("/x12/278", "application/edi-x12", X12Revisions.fresh("10-orthotics.edi",
                traced))).get(1);
        X12Parsed corrected = X12Parsed.read(RunningGateway.post("/x12/278", "application/edi-x12",
                X12Revisions.revision("10-orthotics.edi", "S", orthotic, t -> traced.apply(t).replace("HC:L1833", "HC:L1832")))
                .body());
        assertEquals(List.of(), corrected.errors(), corrected.toString());
        assertEquals(List.of("N", "", "AG", "C"), corrected.first("AAA").elements());
        assertTrue(corrected.first("MSG").get(1).startsWith("EXAMPLE HEALTH PARTNERS will not accept corrected procedure codes"),
                corrected.toString());
        assertEquals("SS", loopOf(corrected, "AAA").get(3), "the AAA sits in the 2000F of that line");

        X12Parsed extension = X12Parsed.read(RunningGateway.post("/x12/278", "application/edi-x12",
                X12Revisions.revision("10-orthotics.edi", "4", orthotic, t -> t)).body());
        assertEquals(List.of("N", "", "57", "C"), extension.first("AAA").elements(), "an extension needs a later end date");
    }

    /** The HL of the loop a segment is in (the nearest HL before it). */
    private static X12Parsed.Segment loopOf(X12Parsed x12, String tag) {
        List<X12Parsed.Segment> segments = x12.segments();
        int at = segments.indexOf(x12.first(tag));
        while (!segments.get(at).tag().equals("HL")) {
            at--;
        }
        return segments.get(at);
    }

    private static List<String> hcr(HttpResponse<byte[]> answer) {
        return X12Parsed.read(answer.body()).first("HCR").elements();
    }

    private static String submit(String sample, String status) throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json(sample)));
        assertEquals(201, created.statusCode(), text(created));
        JsonNode body = json(created);
        assertEquals(status, body.at("/decision/status").asText(), sample);
        return body.get("id").asText();
    }

    private static HttpResponse<byte[]> revise(String id, String json) {
        return RunningGateway.post("/api/v1/authorizations/" + id + "/revisions", "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> steps(JsonNode view) {
        return StreamSupport.stream(view.get("history").spliterator(), false)
                .map(e -> e.get("action").asText() + ":" + e.path("fromStatus").asText("-") + ":" + e.get("toStatus").asText()
                        + ":" + e.get("actor").asText()).toList();
    }

    private static List<String> fields(HttpResponse<byte[]> problem) throws Exception {
        return StreamSupport.stream(json(problem).get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList();
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return CanonicalJson.mapper().readTree(response.body());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}

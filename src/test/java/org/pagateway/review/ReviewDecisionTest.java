package org.pagateway.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.QueueProbe;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * A reviewer decides over HTTP: the status changes under the seed's rules, who and when are recorded, the
 * request leaves its review queue, and the submitter gets the final 278 (outbox/ for files, on the
 * authorization and the outbound queue for everyone).
 */
@ExtendWith(RunningGateway.class)
class ReviewDecisionTest {

    @Test
    void anApprovalCertifiesUnitsAndDatesAndSendsTheFinal278() throws Exception {
        String id = submit("03-admission-inpatient.json", "review.medical.admission");
        HttpResponse<byte[]> decided = decide(id, """
                {"action":"approve","reviewer":"nurse.okafor","units":3,"startDate":"2026-11-28","endDate":"2026-12-01"}""");
        assertEquals(200, decided.statusCode(), text(decided));
        JsonNode body = CanonicalJson.mapper().readTree(decided.body());
        assertEquals("APPROVED", body.at("/decision/status").asText());
        assertEquals("A1", body.at("/decision/actionCode").asText());
        assertEquals("nurse.okafor", body.at("/decision/decidedBy").asText());

        JsonNode stored = CanonicalJson.mapper().readTree(RunningGateway.get("/api/v1/authorizations/" + id).body());
        assertEquals(List.of("RECEIVED:-:MEDREVIEW:gateway", "APPROVE:MEDREVIEW:APPROVED:nurse.okafor"),
                StreamSupport.stream(stored.get("history").spliterator(), false).map(ReviewDecisionTest::step).toList());

        HttpResponse<byte[]> response = RunningGateway.get("/api/v1/authorizations/" + id + "/response");
        assertEquals(200, response.statusCode());
        X12Parsed x12 = X12Parsed.read(response.body());
        assertEquals(List.of(), x12.errors(), x12.toString());
        assertEquals(List.of("A1", id), x12.first("HCR").elements());
        assertEquals(List.of("DY", "3"), x12.first("HSD").elements(), "the admission's days, certified");
        assertEquals(List.of("007", "D8", "20261128"), x12.all("DTP").stream().filter(d -> d.get(1).equals("007")).findFirst().orElseThrow().elements());
        assertEquals(List.of("036", "D8", "20261201"), x12.all("DTP").stream().filter(d -> d.get(1).equals("036")).findFirst().orElseThrow().elements());

        assertNull(QueueProbe.take("review.medical.admission", id, 1_000), "decided: off the review queue");
        Message outbound = QueueProbe.take(ResponseDelivery.OUTBOUND_QUEUE, id, 5_000);
        assertNotNull(outbound, "the final 278 is on " + ResponseDelivery.OUTBOUND_QUEUE);
        assertEquals(new String(response.body(), StandardCharsets.US_ASCII), ((TextMessage) outbound).getText());
    }

    @Test
    void aFinalDecisionCannotBeDecidedAgainAndSaysWhy() throws Exception {
        String id = submit("12-transplant-em.json", "review.medical.transplant");
        assertEquals(200, decide(id, """
                {"action":"deny","reviewer":"dr.lindgren","reason":"Not medically necessary per transplant criteria."}""").statusCode());
        HttpResponse<byte[]> again = decide(id, """
                {"action":"approve","reviewer":"nurse.okafor"}""");
        assertEquals(409, again.statusCode());
        JsonNode problem = CanonicalJson.mapper().readTree(again.body());
        assertTrue(problem.get("detail").asText().contains("is DENIED"), problem.toString());
    }

    @Test
    void aDecisionWithoutWhoOrWhyIsRefusedFieldByField() throws Exception {
        String id = submit("28-other-medical-botox.json", "review.medical.other-medical");
        HttpResponse<byte[]> refused = decide(id, """
                {"action":"deny","units":0}""");
        assertEquals(422, refused.statusCode());
        JsonNode problem = CanonicalJson.mapper().readTree(refused.body());
        assertEquals(List.of("reviewer", "units", "reason"),
                StreamSupport.stream(problem.get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList());
        assertEquals(404, decide("26001R99999", """
                {"action":"approve","reviewer":"nurse.okafor"}""").statusCode());
        assertEquals(400, decide(id, "{\"action\":\"maybe\",\"reviewer\":\"x\"}").statusCode());
    }

    @Test
    void aPendedRequestMovesToMedicalReview() throws Exception {
        String id = submit("39-dme-no-prescription.json", "review.pend.dme");
        HttpResponse<byte[]> moved = decide(id, """
                {"action":"medreview","reviewer":"coordinator.ruiz","reason":"Prescription received by fax."}""");
        assertEquals(200, moved.statusCode(), text(moved));
        assertNotNull(QueueProbe.take("review.medical.dme", id, 5_000), "on its new queue");
        assertNull(QueueProbe.take("review.pend.dme", id, 500), "not on its old one");
    }

    @Test
    void aRequestThatCameAsAFileGetsTheFinal278InTheOutbox() throws Exception {
        String name = RunningGateway.dropIntoInbox(Samples.asNewInterchange(Samples.x12("08-speech-therapy.edi")), "review-08.edi");
        Path first = RunningGateway.awaitFile(RunningGateway.settings().outbox().resolve(name + ".278.x12"));
        String id = X12Parsed.read(Files.readAllBytes(first)).first("HCR").get(2);

        assertEquals(200, decide(id, """
                {"action":"modify","reviewer":"dr.lindgren","units":8,"reason":"8 visits, then re-evaluate."}""").statusCode());
        Path decided = awaitGlob(RunningGateway.settings().outbox(), name + "." + id + ".");
        X12Parsed x12 = X12Parsed.read(Files.readAllBytes(decided));
        assertEquals(List.of(), x12.errors(), x12.toString());
        assertEquals("CLRHSE0001", x12.first("ISA").get(8).trim(), "back to the clearinghouse that sent it");
        assertEquals(List.of("A6", id), x12.first("HCR").elements());
        assertEquals(List.of("VS", "8"), x12.first("HSD").elements());
        assertEquals("SPT2611300008", x12.first("TRN").get(2), "the submitter's trace, so they can match it");
    }

    private static String submit(String sample, String queue) throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json(sample)));
        assertEquals(201, created.statusCode(), text(created));
        JsonNode body = CanonicalJson.mapper().readTree(created.body());
        assertEquals(queue, body.at("/decision/reviewQueue").asText());
        return body.get("id").asText();
    }

    private static HttpResponse<byte[]> decide(String id, String json) {
        return RunningGateway.post("/api/v1/reviews/" + id + "/decision", "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static String step(JsonNode entry) {
        return entry.get("action").asText() + ":" + entry.path("fromStatus").asText("-") + ":" + entry.get("toStatus").asText()
                + ":" + entry.get("actor").asText();
    }

    private static Path awaitGlob(Path folder, String prefix) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Stream<Path> files = Files.list(folder)) {
                var found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(".278.x12")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + prefix + "*.278.x12 in " + folder);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}

package org.pagateway.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagateway.support.FailingConsumer.failEveryDelivery;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.review.ResponseDelivery;
import org.pagateway.support.QueueProbe;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

/**
 * Redelivery with backoff, then the flow's dead-letter queue, on the real broker over TCP: a consumer that rolls back
 * every delivery (a reviewer tool, a 278 forwarder that keeps failing) stands in for the tools outside the gateway.
 * Then the admin API shows the dead letter without patient data and replays it, and a second replay does no harm.
 * The test gateway retries after 50 ms, then 100 ms, and gives up after 3 deliveries (RunningGateway).
 */
@ExtendWith(RunningGateway.class)
public class DeadLetterTest {

    private static final int ATTEMPTS = 3;

    @Test
    void aReviewMessageRolledBackEveryTimeIsRedeliveredWithBackoffThenDeadLetteredAndReplayedOnce() throws Exception {
        JsonNode sample = CanonicalJson.mapper().readTree(Samples.bytes(Samples.json("03-admission-inpatient.json")));
        String id = submit("03-admission-inpatient.json");
        String queue = "review.medical.admission";

        List<Long> deliveredAt = failEveryDelivery(queue, id);
        assertEquals(ATTEMPTS, deliveredAt.size(), "delivered as often as the broker allows, then no more");
        // the broker never redelivers sooner than the delay, and each wait is longer than the one before
        assertTrue(deliveredAt.get(1) - deliveredAt.get(0) >= 45, "first retry after 50 ms: " + deliveredAt);
        assertTrue(deliveredAt.get(2) - deliveredAt.get(1) >= 95, "second after 100 ms: " + deliveredAt);

        Message raw = browse(Broker.REVIEW_DEAD_LETTERS, id);
        assertNotNull(raw, "on " + Broker.REVIEW_DEAD_LETTERS);
        assertEquals(queue, raw.getStringProperty("_AMQ_ORIG_ADDRESS"));
        assertEquals(queue, raw.getStringProperty("_AMQ_ORIG_QUEUE"));

        HttpResponse<byte[]> listed = RunningGateway.get("/admin/dead-letters");
        assertEquals(200, listed.statusCode());
        String listing = new String(listed.body(), StandardCharsets.UTF_8);
        JsonNode letter = deadLetter(listed, id).orElseThrow(() -> new AssertionError(id + " not listed: " + listing));
        assertEquals(Broker.REVIEW_DEAD_LETTERS, letter.path("deadLetterQueue").asText());
        assertEquals(queue, letter.path("originalQueue").asText());
        assertEquals(ATTEMPTS, letter.path("deliveryCount").asInt());
        assertTrue(letter.path("reason").asText().contains("not acknowledged in 3 deliveries"), letter.toString());
        assertFalse(letter.path("timestamp").asText().isEmpty());
        for (String pointer : new String[] { "/subscriber/lastName", "/subscriber/firstName", "/subscriber/birthDate",
                "/diagnoses/0/code", "/remarks" }) {
            String value = sample.at(pointer).asText();
            assertFalse(value.isEmpty(), pointer + " is in the sample");
            assertFalse(listing.contains(value), "the listing carries no " + pointer);
        }

        JsonNode queues = CanonicalJson.mapper().readTree(RunningGateway.get("/admin/queues").body());
        JsonNode dlq = queue(queues, Broker.REVIEW_DEAD_LETTERS);
        assertTrue(dlq.path("depth").asLong() >= 1, dlq.toString());
        assertEquals(0, dlq.path("consumers").asInt());
        assertTrue(queue(queues, queue).has("depth"), "the review queue stays, empty, for replays to land on");

        long messageId = letter.path("messageId").asLong();
        HttpResponse<byte[]> replayed = replay("{\"messageId\":" + messageId + "}");
        assertEquals(200, replayed.statusCode(), new String(replayed.body(), StandardCharsets.UTF_8));
        JsonNode outcome = CanonicalJson.mapper().readTree(replayed.body());
        assertEquals(1, outcome.path("replayed").asInt());
        assertEquals(queue, outcome.at("/outcomes/0/originalQueue").asText());
        assertEquals(id, outcome.at("/outcomes/0/authorizationId").asText());

        HttpResponse<byte[]> again = replay("{\"messageId\":" + messageId + "}");
        assertEquals(404, again.statusCode(), "replayed already: nothing to replay");
        assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElse(""));
        assertTrue(deadLetter(RunningGateway.get("/admin/dead-letters"), id).isEmpty(), "off the dead-letter queue");

        Message back = QueueProbe.takeOnce(queue, id);
        assertTrue(back.getBody(String.class).contains(id), "the same authorization as JSON");
    }

    @Test
    void a278NoForwarderCouldTakeIsDeadLetteredOnItsOwnFlowAndReplayAllTakesItBackOnce() throws Exception {
        String id = submit("12-transplant-em.json");
        HttpResponse<byte[]> denied = RunningGateway.post("/api/v1/reviews/" + id + "/decision", "application/json", """
                {"action":"deny","reviewer":"dr.lindgren","reason":"Not medically necessary."}""".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, denied.statusCode());
        assertEquals(ATTEMPTS, failEveryDelivery(ResponseDelivery.OUTBOUND_QUEUE, id).size());

        JsonNode letter = deadLetter(RunningGateway.get("/admin/dead-letters"), id).orElseThrow();
        assertEquals(Broker.OUTBOUND_DEAD_LETTERS, letter.path("deadLetterQueue").asText());
        assertEquals(ResponseDelivery.OUTBOUND_QUEUE, letter.path("originalQueue").asText());

        JsonNode first = CanonicalJson.mapper().readTree(replay("{\"all\":true}").body());
        assertTrue(replayedIds(first).contains(id), first.toString());
        JsonNode second = CanonicalJson.mapper().readTree(replay("{\"all\":true}").body());
        assertFalse(replayedIds(second).contains(id), "a second replay-all finds it gone: " + second);

        Message back = QueueProbe.takeOnce(ResponseDelivery.OUTBOUND_QUEUE, id);
        assertTrue(back.getBody(String.class).startsWith("ISA"), "the 278 is back on " + ResponseDelivery.OUTBOUND_QUEUE);
    }

    @Test
    void aReviewDecidedWhileItsMessageWasDeadIsNotReplayedAndTheAnswerSaysWhy() throws Exception {
        String id = submit("15-infusion.json");
        String queue = "review.medical.infusion";
        assertEquals(ATTEMPTS, failEveryDelivery(queue, id).size());
        assertEquals(200, RunningGateway.post("/api/v1/reviews/" + id + "/decision", "application/json", """
                {"action":"approve","reviewer":"nurse.okafor"}""".getBytes(StandardCharsets.UTF_8)).statusCode());

        JsonNode letter = deadLetter(RunningGateway.get("/admin/dead-letters"), id).orElseThrow();
        HttpResponse<byte[]> refused = replay("{\"messageId\":" + letter.path("messageId").asLong() + "}");
        assertEquals(409, refused.statusCode());
        String detail = CanonicalJson.mapper().readTree(refused.body()).path("detail").asText();
        assertTrue(detail.contains("is APPROVED") && detail.contains("would ask for a review nobody needs"), detail);
        assertTrue(deadLetter(RunningGateway.get("/admin/dead-letters"), id).isPresent(), "left where it was");
    }

    @Test
    void nothingToReplayIsStillAnAnswerWithItsLists() throws Exception {
        JsonNode none = CanonicalJson.mapper().readTree(replay("{\"all\":true}").body());
        assertTrue(none.path("outcomes").isArray(), none.toString());
        try (QueueAdmin admin = new QueueAdmin(RunningGateway.brokerUrl())) {
            // the broker's own view, without the gateway's HTTP in between
            assertTrue(admin.queues().stream().anyMatch(q -> q.name().equals(Broker.OUTBOUND_DEAD_LETTERS)));
            assertEquals(admin.deadLetters().size(), admin.deadLetterCount(), "all shown: fewer than a browse page");
        }
    }

    @Test
    void aReplayRequestNamesOneOrAll() throws Exception {
        assertEquals(422, replay("{}").statusCode());
        assertEquals(422, replay("{\"messageId\":1,\"all\":true}").statusCode());
        assertEquals(400, replay("{\"id\":1}").statusCode());
        assertEquals(404, replay("{\"messageId\":999999999}").statusCode());
    }

    public static String submit(String sample) throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json(sample)));
        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        return CanonicalJson.mapper().readTree(created.body()).get("id").asText();
    }

    private static Message browse(String queue, String id) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(RunningGateway.brokerUrl());
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue),
                    ReviewQueuePublisher.AUTHORIZATION_ID + " = '" + id + "'");
            Enumeration<?> messages = browser.getEnumeration();
            return messages.hasMoreElements() ? (Message) messages.nextElement() : null;
        }
    }

    public static HttpResponse<byte[]> replay(String body) {
        return RunningGateway.post("/admin/dead-letters/replay", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<JsonNode> deadLetter(HttpResponse<byte[]> listed, String id) throws Exception {
        JsonNode body = CanonicalJson.mapper().readTree(listed.body());
        return StreamSupport.stream(body.path("deadLetters").spliterator(), false)
                .filter(l -> id.equals(l.path("authorizationId").asText())).findFirst();
    }

    private static JsonNode queue(JsonNode queues, String name) {
        return StreamSupport.stream(queues.path("queues").spliterator(), false).filter(q -> name.equals(q.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no queue " + name + " in " + queues));
    }

    private static List<String> replayedIds(JsonNode outcome) {
        return StreamSupport.stream(outcome.path("outcomes").spliterator(), false).filter(o -> o.path("replayed").asBoolean())
                .map(o -> o.path("authorizationId").asText()).toList();
    }
}

package org.pagateway.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.ExpectedDecisions;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** An accepted request reaches its review queue on the real broker, over TCP, as canonical JSON. */
@ExtendWith(RunningGateway.class)
class ReviewQueueTest {

    static Stream<Path> queued() {
        return Samples.list(Samples.ROOT.resolve("json"), ".json").stream()
                .filter(p -> !ExpectedDecisions.bySample().get(p.getFileName().toString().replace(".json", "")).get(0).queue().equals("-"));
    }

    /** Each request a person must decide is on the review queue of its outcome and service, persistent, as JSON. */
    @ParameterizedTest
    @MethodSource("queued")
    void aRequestForReviewIsOnItsReviewQueue(Path sample) throws Exception {
        String queue = ExpectedDecisions.bySample().get(sample.getFileName().toString().replace(".json", "")).get(0).queue();
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json", Samples.bytes(sample));
        assertEquals(201, created.statusCode());
        JsonNode sent = CanonicalJson.mapper().readTree(created.body());
        String id = sent.get("id").asText();

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(RunningGateway.brokerUrl());
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                    ReviewQueuePublisher.AUTHORIZATION_ID + " = '" + id + "'");
            Message message = consumer.receive(10_000);
            assertNotNull(message, "no message for " + id + " on " + queue);
            assertEquals(jakarta.jms.DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
            JsonNode body = CanonicalJson.mapper().readTree(((TextMessage) message).getText());
            assertEquals(id, body.get("id").asText());
            assertEquals(sent.get("request"), body.get("request"));
            assertEquals(queue, body.at("/decision/reviewQueue").asText());
            message.acknowledge();
        }
    }
}

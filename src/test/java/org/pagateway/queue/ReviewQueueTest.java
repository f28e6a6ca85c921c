package org.pagateway.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpResponse;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
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

    @Test
    void aPendedReferralIsOnTheReferralReviewQueue() throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("02-referral-specialist.json")));
        assertEquals(201, created.statusCode());
        String id = CanonicalJson.mapper().readTree(created.body()).get("id").asText();

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(RunningGateway.brokerUrl());
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("review.pend.referral"),
                    ReviewQueuePublisher.AUTHORIZATION_ID + " = '" + id + "'");
            Message message = consumer.receive(10_000);
            assertNotNull(message, "no message for " + id + " on review.pend.referral");
            assertEquals(jakarta.jms.DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
            JsonNode body = CanonicalJson.mapper().readTree(((TextMessage) message).getText());
            assertEquals(id, body.get("id").asText());
            assertEquals("SPECIALTY_CARE_REVIEW", body.at("/request/category").asText());
            message.acknowledge();
        }
    }
}

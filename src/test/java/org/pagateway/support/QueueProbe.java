package org.pagateway.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.pagateway.queue.ReviewQueuePublisher;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/** What a reviewer's tool (or whatever forwards 278s) would get: one authorization's message, taken off its queue. */
public final class QueueProbe {

    private QueueProbe() {
    }

    /** The message of this authorization on the run's broker, taken off the queue; null when none comes in time. */
    public static Message take(String queue, String authorizationId, long millis) {
        return take(RunningGateway.brokerUrl(), queue, authorizationId, millis, false);
    }

    /** Its message on the queue of this broker, taken off; fails unless exactly one comes (the next within 1 s). */
    public static Message takeOnce(String brokerUrl, String queue, String authorizationId) {
        return take(brokerUrl, queue, authorizationId, 10_000, true);
    }

    public static Message takeOnce(String queue, String authorizationId) {
        return takeOnce(RunningGateway.brokerUrl(), queue, authorizationId);
    }

    private static Message take(String brokerUrl, String queue, String authorizationId, long millis, boolean once) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                    ReviewQueuePublisher.AUTHORIZATION_ID + " = '" + authorizationId + "'");
            Message message = consumer.receive(millis);
            if (once) {
                assertNotNull(message, authorizationId + " on " + queue);
                assertNull(consumer.receive(1_000), authorizationId + " on " + queue + " once, not twice");
            }
            return message;
        } catch (JMSException e) {
            throw new AssertionError("cannot read " + queue + " on " + brokerUrl, e);
        }
    }
}

package org.pagateway.support;

import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.pagateway.queue.ReviewQueuePublisher;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * A consumer of the running gateway's broker, over TCP, in a transacted session that rolls back every delivery of one
 * authorization's message: a reviewer tool or 278 forwarder that keeps failing on it.
 */
public final class FailingConsumer {

    private FailingConsumer() {
    }

    /** The times (ms) the message was delivered, until the broker stopped delivering it. */
    public static List<Long> failEveryDelivery(String queue, String authorizationId) throws Exception {
        List<Long> deliveredAt = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(RunningGateway.brokerUrl());
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                    ReviewQueuePublisher.AUTHORIZATION_ID + " = '" + authorizationId + "'");
            Message message;
            // the test broker's longest wait between deliveries is 100 ms: 700 ms of silence means it gave up
            while ((message = consumer.receive(deliveredAt.isEmpty() ? 5_000 : 700)) != null) {
                deliveredAt.add(System.nanoTime() / 1_000_000);
                if (message.getIntProperty("JMSXDeliveryCount") != deliveredAt.size()) {
                    throw new AssertionError("delivery " + deliveredAt.size() + " counted as "
                            + message.getIntProperty("JMSXDeliveryCount"));
                }
                session.rollback();
            }
        }
        return deliveredAt;
    }
}

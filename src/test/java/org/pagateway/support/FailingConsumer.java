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
 * A consumer, over TCP, in a transacted session that rolls back every delivery of one authorization's message: a
 * reviewer tool or 278 forwarder that keeps failing on it. The tests run it against the test gateway; the README's
 * operations walk-through runs its main against a gateway started by hand, to make a dead letter to replay.
 */
public final class FailingConsumer {

    private FailingConsumer() {
    }

    /**
     * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pagateway.support.FailingConsumer
     * -Dexec.args="BROKER_URL QUEUE AUTHORIZATION_ID [DELIVERIES]": rolls back that many deliveries (5, the gateway's
     * default max delivery attempts), after which the broker has moved the message to the flow's dead-letter queue.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FailingConsumer BROKER_URL QUEUE AUTHORIZATION_ID [DELIVERIES]");
            System.exit(2);
        }
        int deliveries = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        // the gateway's default backoff waits at most 60 s between deliveries
        List<Long> times = failDeliveries(args[0], args[1], args[2], deliveries, 65_000);
        System.out.println("rolled back " + times.size() + " deliver" + (times.size() == 1 ? "y" : "ies") + " of "
                + args[2] + " on " + args[1]);
        System.exit(times.isEmpty() ? 1 : 0);
    }

    /** Against the test gateway: the times (ms) the message was delivered, until the broker stopped delivering it. */
    public static List<Long> failEveryDelivery(String queue, String authorizationId) throws Exception {
        // the test broker's longest wait between deliveries is 100 ms: 700 ms of silence means it gave up
        return failDeliveries(RunningGateway.brokerUrl(), queue, authorizationId, Integer.MAX_VALUE, 700);
    }

    private static List<Long> failDeliveries(String brokerUrl, String queue, String authorizationId, int most,
            long silenceMillis) throws Exception {
        List<Long> deliveredAt = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                    ReviewQueuePublisher.AUTHORIZATION_ID + " = '" + authorizationId + "'");
            Message message;
            while (deliveredAt.size() < most
                    && (message = consumer.receive(deliveredAt.isEmpty() ? 5_000 : silenceMillis)) != null) {
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

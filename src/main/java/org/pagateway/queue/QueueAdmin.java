package org.pagateway.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

/**
 * The broker's queues and dead letters, through Artemis management messages sent to the {@code activemq.management}
 * address over the same TCP connection any client uses. One way for both brokers: the embedded one listens on
 * 127.0.0.1 and an external one by GATEWAY_BROKER_URL (its user needs the {@code manage} permission there).
 * Every call opens its own short connection: operations and metric scrapes are rare, and a broker restarted
 * in between is simply reached again.
 */
public final class QueueAdmin implements AutoCloseable {

    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long ANSWER_MILLIS = 10_000;
    private static final int PAGE = 500;
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    private static final String EXPIRED_AT = "_AMQ_ACTUAL_EXPIRY";

    private final ActiveMQConnectionFactory factory;

    public QueueAdmin(String brokerUrl) {
        this.factory = new ActiveMQConnectionFactory(brokerUrl);
        // operations want an answer now, not a client that keeps reconnecting to a broker that is down
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(ANSWER_MILLIS);
    }

    /** Every queue a client uses, by name: not the broker's temporary and internal ones. */
    public List<QueueState> queues() {
        try (Call call = new Call()) {
            return queues(call);
        }
    }

    /**
     * The dead letters on every dead-letter and expiry queue, oldest first within a queue. The broker shows at most
     * its management browse page (200 by default) of each queue; {@link #deadLetterCount()} counts them all.
     */
    public List<DeadLetter> deadLetters() {
        try (Call call = new Call()) {
            return deadLetters(call);
        }
    }

    /** How many messages the dead-letter and expiry queues hold. */
    public long deadLetterCount() {
        return queues().stream().filter(q -> isDeadLetterQueue(q.name())).mapToLong(QueueState::depth).sum();
    }

    public Optional<DeadLetter> deadLetter(long messageId) {
        return deadLetters().stream().filter(d -> d.messageId() == messageId).findFirst();
    }

    /**
     * Moves a dead letter back to the queue it failed on (made again if it is gone), by the broker itself: the message
     * leaves the dead-letter queue in the same step, so a second replay of it finds nothing and queues nothing.
     * False when it is no longer there.
     */
    public boolean replay(DeadLetter letter) {
        try (Call call = new Call()) {
            if (letter.originalQueue() != null && letter.originalAddress() != null) {
                String queue = QueueConfiguration.of(letter.originalQueue()).setAddress(letter.originalAddress())
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true).toJSON();
                call.invoke("broker", "createQueue", queue, true).orThrow("cannot recreate " + letter.originalQueue());
            }
            Answer answer = call.invoke("queue." + letter.deadLetterQueue(), "retryMessage", letter.messageId());
            return answer.succeeded() && Boolean.TRUE.equals(answer.result());
        }
    }

    static boolean isDeadLetterQueue(String name) {
        return Broker.DEAD_LETTER_QUEUES.contains(name) || name.startsWith(Broker.OTHER_DEAD_LETTERS + ".");
    }

    private static List<QueueState> queues(Call call) {
        List<QueueState> queues = new ArrayList<>();
        for (int page = 1;; page++) {
            JsonNode listed = json(call.invoke("broker", "listQueues", "", page, PAGE).orThrow("cannot list queues"));
            JsonNode data = listed.path("data");
            for (JsonNode queue : data) {
                String name = queue.path("name").asText();
                if (queue.path("temporary").asBoolean() || queue.path("internalQueue").asBoolean()
                        || name.startsWith("activemq.") || name.startsWith("$")) {
                    continue;
                }
                queues.add(new QueueState(name, queue.path("address").asText(), queue.path("messageCount").asLong(),
                        queue.path("consumerCount").asInt()));
            }
            if (data.size() < PAGE || page * PAGE >= listed.path("count").asInt()) {
                break;
            }
        }
        queues.sort(Comparator.comparing(QueueState::name));
        return queues;
    }

    private static List<DeadLetter> deadLetters(Call call) {
        List<DeadLetter> letters = new ArrayList<>();
        Map<String, Integer> attempts = new HashMap<>();
        for (QueueState queue : queues(call)) {
            if (!isDeadLetterQueue(queue.name()) || queue.depth() == 0) {
                continue;
            }
            Answer listed = call.invoke("queue." + queue.name(), "listMessages", "");
            if (!listed.succeeded() || !(listed.result() instanceof Object[] messages)) {
                continue;
            }
            for (Object each : messages) {
                if (each instanceof Map<?, ?> message) {
                    letters.add(deadLetter(queue.name(), message, attempts, call));
                }
            }
        }
        return letters;
    }

    /** Only the envelope: IDs, where it came from, why it is here. Never the body. */
    private static DeadLetter deadLetter(String queue, Map<?, ?> message, Map<String, Integer> attempts, Call call) {
        String originalAddress = text(message.get(ORIGINAL_ADDRESS));
        String originalQueue = text(message.get(ORIGINAL_QUEUE));
        Object expiredAt = message.get(EXPIRED_AT);
        Integer deliveries = null;
        String reason;
        if (expiredAt instanceof Number expiry) {
            reason = "expired unconsumed at " + Instant.ofEpochMilli(expiry.longValue());
        } else if (originalAddress != null) {
            // the broker moves a message here once it was delivered max-delivery-attempts times without an acknowledgment
            deliveries = attempts.computeIfAbsent(originalAddress, address -> maxDeliveryAttempts(call, address));
            reason = deliveries == null ? "not acknowledged by its consumers; the broker gave up redelivering it"
                    : "not acknowledged in " + deliveries + " deliveries (each one rolled back, failed or disconnected);"
                            + " the broker gave up redelivering it";
        } else {
            reason = "sent here directly, not by the broker; no reason recorded";
        }
        Object timestamp = message.get("timestamp");
        return new DeadLetter(((Number) message.get("messageID")).longValue(), queue,
                text(message.get(ReviewQueuePublisher.AUTHORIZATION_ID)), originalQueue, originalAddress, deliveries, reason,
                timestamp instanceof Number t && t.longValue() > 0 ? Instant.ofEpochMilli(t.longValue()) : null);
    }

    private static Integer maxDeliveryAttempts(Call call, String address) {
        Answer settings = call.invoke("broker", "getAddressSettingsAsJSON", address);
        if (!settings.succeeded()) {
            return null;
        }
        JsonNode attempts = json(settings.result()).path("maxDeliveryAttempts");
        return attempts.isNumber() && attempts.asInt() > 0 ? attempts.asInt() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static JsonNode json(Object result) {
        try {
            return CanonicalJson.mapper().readTree(String.valueOf(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the broker's management answer is not JSON", e);
        }
    }

    @Override
    public void close() {
        factory.close();
    }

    /** A management operation's answer: its result, or the broker's reason it failed. */
    private record Answer(boolean succeeded, Object result) {
        Object orThrow(String what) {
            if (!succeeded) {
                throw new QueueException(what + ": " + result, null);
            }
            return result;
        }
    }

    /** One connection to the management address, with a temporary queue for the answers. */
    private final class Call implements AutoCloseable {
        private final Connection connection;
        private final Session session;
        private final MessageProducer producer;
        private final TemporaryQueue replies;
        private final MessageConsumer answers;

        Call() {
            try {
                connection = factory.createConnection();
                try {
                    session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                    replies = session.createTemporaryQueue();
                    answers = session.createConsumer(replies);
                    connection.start();
                } catch (JMSException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            } catch (JMSException e) {
                throw new QueueException("cannot reach the broker: " + e.getMessage(), e);
            }
        }

        Answer invoke(String resource, String operation, Object... parameters) {
            try {
                Message request = session.createMessage();
                JMSManagementHelper.putOperationInvocation(request, resource, operation, parameters);
                request.setJMSReplyTo(replies);
                producer.send(request);
                Message answer = answers.receive(ANSWER_MILLIS);
                if (answer == null) {
                    throw new QueueException("the broker did not answer " + operation + " on " + resource + " in "
                            + ANSWER_MILLIS / 1000 + " s", null);
                }
                return new Answer(JMSManagementHelper.hasOperationSucceeded(answer), JMSManagementHelper.getResult(answer));
            } catch (QueueException e) {
                throw e;
            } catch (Exception e) {
                throw new QueueException("broker management " + operation + " on " + resource + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // nothing was left open on it that outlives the connection
            }
        }
    }
}

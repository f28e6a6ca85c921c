package org.pagateway.queue;

import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.pagateway.model.Authorization;
import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Puts authorizations on their review queues, persistent, as canonical JSON. Each call is one JMS
 * transaction: a batch of authorizations is queued whole or not at all, and one disk sync covers it.
 * Calls run in parallel on sessions of one connection, so the broker can cover concurrent requests'
 * commits with one sync (a single shared session would make every HTTP request wait for the one before).
 */
public final class ReviewQueuePublisher implements AutoCloseable {

    public static final String AUTHORIZATION_ID = "authorizationId";

    private final ActiveMQConnectionFactory factory;
    private final LinkedBlockingDeque<Session> idle = new LinkedBlockingDeque<>();
    private Connection connection;

    public ReviewQueuePublisher(String brokerUrl) {
        this.factory = new ActiveMQConnectionFactory(brokerUrl);
        factory.setReconnectAttempts(3);
        factory.setCallTimeout(10_000);
        factory.setRetryInterval(500);
    }

    public void publish(List<Authorization> authorizations) {
        if (authorizations.isEmpty()) {
            return;
        }
        Session session = null;
        try {
            session = borrow();
            try (MessageProducer producer = session.createProducer(null)) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (Authorization authorization : authorizations) {
                    String queue = authorization.decision().reviewQueue();
                    if (queue == null) {
                        continue;
                    }
                    TextMessage message = session.createTextMessage(CanonicalJson.mapper().writeValueAsString(authorization));
                    message.setStringProperty(AUTHORIZATION_ID, authorization.id());
                    // a resend of the same accepted request is dropped by the broker; a later decision is not a resend
                    message.setStringProperty("_AMQ_DUPL_ID", authorization.decision().decidedAt() == null ? authorization.id()
                            : authorization.id() + "@" + authorization.decision().decidedAt());
                    producer.send(session.createQueue(queue), message);
                }
            }
            session.commit();
            idle.push(session);
        } catch (JMSException | JsonProcessingException | RuntimeException e) {
            discard(session, e);
            if (e instanceof JMSException jms && duplicate(jms)) {
                // the connection is fine: only this transaction was refused
                throw new AlreadyQueued("an authorization of the batch is on its queue already", jms);
            }
            if (e instanceof JMSException jms) {
                resetConnection();
                throw new QueueException("cannot queue authorizations: " + jms.getMessage(), jms);
            }
            if (e instanceof JsonProcessingException json) {
                throw new QueueException("cannot write an authorization as JSON", json);
            }
            throw (RuntimeException) e;
        }
    }

    private static boolean duplicate(JMSException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ActiveMQException artemis && artemis.getType() == ActiveMQExceptionType.DUPLICATE_ID_REJECTED) {
                return true;
            }
        }
        return false;
    }

    /**
     * One persistent message on a queue, in its own transaction: a 278 response sent after a review decision.
     * {@code duplicateId} is Artemis' duplicate ID: the same message sent again is refused with {@link AlreadyQueued}.
     */
    public void send(String queue, String authorizationId, String text, String duplicateId) {
        Session session = null;
        try {
            session = borrow();
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                TextMessage message = session.createTextMessage(text);
                message.setStringProperty(AUTHORIZATION_ID, authorizationId);
                message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
                producer.send(message);
            }
            session.commit();
            idle.push(session);
        } catch (JMSException | RuntimeException e) {
            discard(session, e);
            if (e instanceof JMSException jms && duplicate(jms)) {
                throw new AlreadyQueued("sent to " + queue + " before", jms);
            }
            if (e instanceof JMSException jms) {
                resetConnection();
                throw new QueueException("cannot send to " + queue + ": " + jms.getMessage(), jms);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Takes an authorization's message off a review queue once a reviewer has decided it elsewhere, so nobody
     * reviews it twice. False when it was not there (a reviewer's tool had already taken it).
     */
    public boolean withdraw(String queue, String authorizationId) {
        Session session = null;
        try {
            session = borrow();
            boolean found;
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                    AUTHORIZATION_ID + " = '" + authorizationId.replace("'", "''") + "'")) {
                found = consumer.receive(500) != null;
            }
            session.commit();
            idle.push(session);
            return found;
        } catch (JMSException | RuntimeException e) {
            discard(session, e);
            if (e instanceof JMSException jms) {
                resetConnection();
                throw new QueueException("cannot withdraw " + authorizationId + " from " + queue + ": " + jms.getMessage(), jms);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * True when a connection to the broker can be made. Its own short-lived connection, so a health check
     * never waits behind a batch being published.
     */
    public boolean isUp() {
        try (Connection probe = factory.createConnection()) {
            probe.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
            return true;
        } catch (JMSException | RuntimeException e) {
            return false;
        }
    }

    private Session borrow() throws JMSException {
        Session session = idle.poll();
        return session != null ? session : connection().createSession(true, Session.SESSION_TRANSACTED);
    }

    /** A session that failed is rolled back and closed, never reused. */
    private static void discard(Session session, Exception cause) {
        if (session == null) {
            return;
        }
        try {
            session.rollback();
        } catch (JMSException | RuntimeException rollback) {
            cause.addSuppressed(rollback);
        }
        try {
            session.close();
        } catch (JMSException | RuntimeException ignored) {
            // it is going away either way
        }
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            connection = factory.createConnection();
            connection.start();
        }
        return connection;
    }

    private synchronized void resetConnection() {
        Session session;
        while ((session = idle.poll()) != null) {
            try {
                session.close();
            } catch (JMSException ignored) {
                // the connection is being replaced
            }
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // already broken: that is why it is being replaced
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        resetConnection();
        factory.close();
    }
}

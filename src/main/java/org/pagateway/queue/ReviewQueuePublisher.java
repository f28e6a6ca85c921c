package org.pagateway.queue;

import java.util.List;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.pagateway.model.Authorization;
import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Puts authorizations on their review queues, persistent, as canonical JSON. Each call is one JMS
 * transaction: a batch of authorizations is queued whole or not at all, and one disk sync covers it.
 */
public final class ReviewQueuePublisher implements AutoCloseable {

    public static final String AUTHORIZATION_ID = "authorizationId";

    private final ActiveMQConnectionFactory factory;
    private Connection connection;

    public ReviewQueuePublisher(String brokerUrl) {
        this.factory = new ActiveMQConnectionFactory(brokerUrl);
        factory.setReconnectAttempts(3);
        factory.setCallTimeout(10_000);
        factory.setRetryInterval(500);
    }

    public ActiveMQConnectionFactory connectionFactory() {
        return factory;
    }

    public synchronized void publish(List<Authorization> authorizations) {
        if (authorizations.isEmpty()) {
            return;
        }
        try (Session session = connection().createSession(true, Session.SESSION_TRANSACTED)) {
            try {
                for (Authorization authorization : authorizations) {
                    String queue = authorization.decision().reviewQueue();
                    if (queue == null) {
                        continue;
                    }
                    TextMessage message = session.createTextMessage(CanonicalJson.mapper().writeValueAsString(authorization));
                    message.setStringProperty(AUTHORIZATION_ID, authorization.id());
                    message.setStringProperty("_AMQ_DUPL_ID", authorization.id());
                    try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        producer.send(message);
                    }
                }
                session.commit();
            } catch (JMSException | JsonProcessingException | RuntimeException e) {
                try {
                    session.rollback();
                } catch (JMSException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (JMSException | JsonProcessingException e) {
            closeConnection();
            throw new QueueException("cannot queue authorizations: " + e.getMessage(), e);
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

    private Connection connection() throws JMSException {
        if (connection == null) {
            connection = factory.createConnection();
            connection.start();
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // already broken: that is why we are closing it
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
        factory.close();
    }
}

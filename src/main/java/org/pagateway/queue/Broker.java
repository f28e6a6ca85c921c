package org.pagateway.queue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The embedded Artemis broker the gateway starts when no external one is configured: persistent journal
 * under data/broker, one Netty acceptor on 127.0.0.1 so the gateway (and tools) reach it over TCP exactly
 * as they would reach an external broker. Its address settings are the ones the README asks of an external
 * broker: redelivery with backoff, then a dead-letter queue per flow.
 */
public final class Broker implements AutoCloseable {

    /** Where review messages no reviewer tool could take end up. */
    public static final String REVIEW_DEAD_LETTERS = "DLQ.review";
    /** Where 278 responses no forwarder could take end up. */
    public static final String OUTBOUND_DEAD_LETTERS = "DLQ.outbound";
    /** Any other address's dead letters. */
    public static final String OTHER_DEAD_LETTERS = "DLQ";
    /** Messages sent with a time to live that ran out before anyone took them. */
    public static final String EXPIRY_QUEUE = "ExpiryQueue";
    public static final List<String> DEAD_LETTER_QUEUES = List.of(REVIEW_DEAD_LETTERS, OUTBOUND_DEAD_LETTERS,
            OTHER_DEAD_LETTERS, EXPIRY_QUEUE);

    private final EmbeddedActiveMQ server;

    private Broker(EmbeddedActiveMQ server) {
        this.server = server;
    }

    public static Broker start(Path dataDir, int port) {
        return start(dataDir, port, Redelivery.DEFAULT);
    }

    public static Broker start(Path dataDir, int port, Redelivery redelivery) {
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("pa-gateway")
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJournalDirectory(dataDir.resolve("journal").toString())
                    .setBindingsDirectory(dataDir.resolve("bindings").toString())
                    .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                    .setPagingDirectory(dataDir.resolve("paging").toString())
                    .setNodeManagerLockDirectory(dataDir.toString())
                    .setJMXManagementEnabled(false)
                    .setGracefulShutdownEnabled(true)
                    .setGracefulShutdownTimeout(5_000);
            config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
            addressSettings(redelivery).forEach(config::addAddressSetting);
            for (String queue : DEAD_LETTER_QUEUES) {
                // a dead-letter address without a queue bound to it drops what is sent there
                config.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
            EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
            server.start();
            return new Broker(server);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Artemis broker on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Artemis merges the settings of every match, the most specific winning field by field: "#" gives everything
     * the backoff, the flows their own dead-letter queue. The README shows the same as broker.xml.
     */
    static Map<String, AddressSettings> addressSettings(Redelivery redelivery) {
        Map<String, AddressSettings> settings = new LinkedHashMap<>();
        settings.put("#", new AddressSettings()
                .setRedeliveryDelay(redelivery.delayMillis())
                .setRedeliveryMultiplier(redelivery.multiplier())
                .setMaxRedeliveryDelay(redelivery.maxDelayMillis())
                .setMaxDeliveryAttempts(redelivery.maxAttempts())
                .setDeadLetterAddress(SimpleString.of(OTHER_DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(EXPIRY_QUEUE)));
        // an auto-created queue is deleted once empty, and a replay to a deleted queue would have nowhere to go
        settings.put("review.#", new AddressSettings().setDeadLetterAddress(SimpleString.of(REVIEW_DEAD_LETTERS))
                .setAutoDeleteQueues(false).setAutoDeleteAddresses(false));
        settings.put("outbound.#", new AddressSettings().setDeadLetterAddress(SimpleString.of(OUTBOUND_DEAD_LETTERS))
                .setAutoDeleteQueues(false).setAutoDeleteAddresses(false));
        // dead letters stay where they are until replayed, however often someone browses them with a consumer
        for (String queue : DEAD_LETTER_QUEUES) {
            settings.put(queue, new AddressSettings().setMaxDeliveryAttempts(-1));
        }
        return settings;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded broker did not stop cleanly", e);
        }
    }
}

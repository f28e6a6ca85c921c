package org.pagateway.queue;

import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * The embedded Artemis broker the gateway starts when no external one is configured: persistent journal
 * under data/broker, one Netty acceptor on 127.0.0.1 so the gateway (and tools) reach it over TCP exactly
 * as they would reach an external broker.
 */
public final class Broker implements AutoCloseable {

    private final EmbeddedActiveMQ server;

    private Broker(EmbeddedActiveMQ server) {
        this.server = server;
    }

    public static Broker start(Path dataDir, int port) {
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
            EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
            server.start();
            return new Broker(server);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Artemis broker on port " + port + ": " + e.getMessage(), e);
        }
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

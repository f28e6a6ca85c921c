package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An Artemis broker standing on its own, as an operator runs one beside the gateways: its own journal in its own
 * folder, one acceptor on 127.0.0.1, configured here and not by the gateway (unlike queue/Broker, the gateway's
 * embedded one). Gateways reach it only over TCP, by GATEWAY_BROKER_URL.
 */
public final class StandaloneBroker implements AutoCloseable {

    private static StandaloneBroker shared;

    private final EmbeddedActiveMQ server;
    private final int port;

    private StandaloneBroker(EmbeddedActiveMQ server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A broker of its own, in {@code folder}, on a free port. */
    public static StandaloneBroker start(Path folder) {
        try {
            return start(folder, RunningGateway.freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker of {@code folder} (its journal as it was left), on {@code port}: a stopped one started again. */
    public static StandaloneBroker start(Path folder, int port) {
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("standalone")
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJournalDirectory(folder.resolve("journal").toString())
                    .setBindingsDirectory(folder.resolve("bindings").toString())
                    .setLargeMessagesDirectory(folder.resolve("large-messages").toString())
                    .setPagingDirectory(folder.resolve("paging").toString())
                    .setNodeManagerLockDirectory(folder.toString())
                    .setJMXManagementEnabled(false);
            config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
            EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
            server.start();
            return new StandaloneBroker(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a standalone Artemis broker in " + folder, e);
        }
    }

    /** The one the run's gateway uses when the tests run on external parts; stopped when the JVM ends. */
    public static synchronized StandaloneBroker shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("standalone-artemis"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "standalone-artemis-stop"));
        }
        return shared;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the standalone broker did not stop cleanly", e);
        }
    }
}

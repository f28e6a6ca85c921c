package org.pagateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.pagateway.queue.Redelivery;
import org.pagateway.security.SecuritySettings;

/**
 * The gateway's settings. Each has a property (gateway.http.port) and an environment variable
 * (GATEWAY_HTTP_PORT); a value given in code wins, then system properties, then the environment,
 * then application.properties.
 */
public record GatewaySettings(Path home, String httpHost, int httpPort, String brokerUrl, int brokerPort,
        String dbUrl, String dbUser, String dbPassword, long inboxDelayMillis, Path profile, Path members,
        Path providers, long sweepPeriodMillis, Redelivery redelivery, SecuritySettings security) {

    public static GatewaySettings load(Map<String, String> overrides) {
        Properties defaults = new Properties();
        try (InputStream in = GatewaySettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Lookup lookup = new Lookup(defaults, overrides);
        return new GatewaySettings(
                Path.of(lookup.get("gateway.home")).toAbsolutePath().normalize(),
                lookup.get("gateway.http.host"),
                Integer.parseInt(lookup.get("gateway.http.port")),
                lookup.get("gateway.broker.url"),
                Integer.parseInt(lookup.get("gateway.broker.port")),
                lookup.get("gateway.db.url"),
                lookup.get("gateway.db.user"),
                lookup.get("gateway.db.password"),
                Long.parseLong(lookup.get("gateway.inbox.delay")),
                optionalPath(lookup.get("gateway.profile")),
                optionalPath(lookup.get("gateway.reference.members")),
                optionalPath(lookup.get("gateway.reference.providers")),
                Long.parseLong(lookup.get("gateway.sweep.period")),
                new Redelivery(Long.parseLong(lookup.get("gateway.broker.redelivery.delay")),
                        Double.parseDouble(lookup.get("gateway.broker.redelivery.multiplier")),
                        Long.parseLong(lookup.get("gateway.broker.redelivery.delay.max")),
                        Integer.parseInt(lookup.get("gateway.broker.delivery.attempts"))),
                SecuritySettings.load(lookup::get));
    }

    /** Empty: the file shipped on the classpath (config/...). */
    private static Path optionalPath(String value) {
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize();
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path inbox() {
        return home.resolve("inbox");
    }

    public Path outbox() {
        return home.resolve("outbox");
    }

    public Path archive() {
        return home.resolve("archive");
    }

    public Path errors() {
        return home.resolve("error");
    }

    public boolean embeddedBroker() {
        return brokerUrl == null || brokerUrl.isBlank();
    }

    public String effectiveBrokerUrl() {
        return embeddedBroker() ? "tcp://127.0.0.1:" + brokerPort : brokerUrl;
    }

    public String effectiveDbUrl() {
        return dbUrl == null || dbUrl.isBlank() ? "jdbc:h2:file:" + dataDir().resolve("gateway") + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                : dbUrl;
    }

    /** The values Camel's property placeholders see: {{gateway.http.port}} and friends. */
    public Map<String, String> asProperties() {
        return Map.of(
                "gateway.home", home.toString(),
                "gateway.http.host", httpHost,
                "gateway.http.port", String.valueOf(httpPort),
                "gateway.inbox.delay", String.valueOf(inboxDelayMillis),
                "gateway.sweep.period", String.valueOf(sweepPeriodMillis));
    }

    private record Lookup(Properties defaults, Map<String, String> overrides) {
        String get(String key) {
            if (overrides.containsKey(key)) {
                return overrides.get(key);
            }
            String system = System.getProperty(key);
            if (system != null) {
                return system;
            }
            String env = System.getenv(key.toUpperCase().replace('.', '_'));
            if (env != null) {
                return env;
            }
            return defaults.getProperty(key, "").trim();
        }
    }
}

package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pagateway.Gateway;
import org.pagateway.GatewaySettings;
import org.pagateway.rules.PayerProfile;

/**
 * One real gateway for the whole test run: embedded Artemis reached over TCP on a free port, H2 in a
 * temporary GATEWAY_HOME, Jetty on a free port, real inbox/outbox folders, the API keys of {@link TestKeys}.
 * Started once, stopped when the run ends. On external parts ({@link TestParts}) its database is PostgreSQL and its
 * broker a standalone one. {@link #get} and {@link #post} send the admin key.
 */
public final class RunningGateway implements BeforeAllCallback {

    private static Gateway gateway;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningGateway.class) {
            if (gateway == null) {
                Path home = Files.createTempDirectory("pa-gateway-test");
                Map<String, String> settings = new java.util.HashMap<>(TestParts.gatewaySettings());
                settings.putAll(Map.of(
                        "gateway.home", home.toString(),
                        "gateway.http.port", String.valueOf(freePort()),
                        "gateway.broker.port", String.valueOf(freePort()),
                        "gateway.inbox.delay", "100",
                        "gateway.security.keys", TestKeys.write(home.resolve("config").resolve("api-keys.csv")).toString(),
                        // the suite is one client making requests as fast as it can; the limit has its own test
                        "gateway.security.rate", "1000",
                        "gateway.security.burst", "1000",
                        // a consumer that fails three times dead-letters the message in a fraction of a second
                        "gateway.broker.redelivery.delay", "50",
                        "gateway.broker.delivery.attempts", "3"));
                gateway = Gateway.start(GatewaySettings.load(settings), outsideMaintenance());
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(RunningGateway.class.getName(), (ExtensionContext.Store.CloseableResource) () -> {
                            gateway.close();
                            gateway = null;
                        });
            }
        }
    }

    /**
     * The real clock, moved back four days when it is in the payer's monthly maintenance window: during it every
     * request is pended, and the tests expect the decisions of a normal day. The window has its own tests.
     */
    private static Clock outsideMaintenance() {
        PayerProfile profile = PayerProfile.standard();
        Clock system = Clock.systemDefaultZone();
        boolean inWindow = profile.maintenanceWindow().contains(LocalDateTime.ofInstant(system.instant(), profile.payer().zone()));
        return inWindow ? Clock.offset(system, Duration.ofDays(-4)) : system;
    }

    public static Gateway gateway() {
        return gateway;
    }

    public static GatewaySettings settings() {
        return gateway.settings();
    }

    public static String brokerUrl() {
        return gateway.settings().effectiveBrokerUrl();
    }

    /** Copies under a temporary name first so the inbox never sees half a file, as a clearinghouse should. */
    public static String dropIntoInbox(Path source, String name) {
        try {
            return dropIntoInbox(Files.readAllBytes(source), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String dropIntoInbox(byte[] content, String name) {
        Path inbox = settings().inbox();
        Path temp = inbox.resolve("." + name);
        try {
            Files.write(temp, content);
            Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** Waits up to 30 s for a file the gateway writes. */
    public static Path awaitFile(Path file) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(file)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + file + " after 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + file);
            }
        }
        return file;
    }

    /** As the admin. */
    public static HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        return post(path, contentType, body, TestKeys.ADMIN);
    }

    /** With {@code key} as Authorization: Bearer; null sends none. */
    public static HttpResponse<byte[]> post(String path, String contentType, byte[] body, String key) {
        return send(withKey(HttpRequest.newBuilder(uri(path)), key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** As the admin. */
    public static HttpResponse<byte[]> get(String path) {
        return get(path, TestKeys.ADMIN);
    }

    /** With {@code key} as Authorization: Bearer; null sends none. */
    public static HttpResponse<byte[]> get(String path, String key) {
        return send(withKey(HttpRequest.newBuilder(uri(path)), key).GET().build());
    }

    /** A request built elsewhere, with the admin key. */
    public static HttpRequest.Builder withAdminKey(HttpRequest.Builder request) {
        return withKey(request, TestKeys.ADMIN);
    }

    private static HttpRequest.Builder withKey(HttpRequest.Builder request, String key) {
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    public static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static URI uri(String path) {
        return URI.create("http://" + gateway.settings().httpHost() + ":" + gateway.settings().httpPort() + path);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagateway.Gateway;
import org.pagateway.GatewaySettings;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.TestKeys;

/**
 * A gateway of its own, configured for TLS with a keystore made here by the JDK's keytool (Java has no public API to
 * make a certificate), and with a rate limit small enough to reach: /health over HTTPS, no plain HTTP, and a client
 * over its rate gets 429 with Retry-After while /health stays open.
 */
class HttpsTest {

    private static final String PASSWORD = "test-only-password";

    @TempDir
    Path home;

    @Test
    void httpsByConfigurationAndTheRateLimit() throws Exception {
        Path keystore = selfSigned(home.resolve("gateway.p12"));
        int port = RunningGateway.freePort();
        try (Gateway gateway = Gateway.start(GatewaySettings.load(Map.of(
                "gateway.home", home.toString(),
                "gateway.http.port", String.valueOf(port),
                "gateway.broker.port", String.valueOf(RunningGateway.freePort()),
                "gateway.security.keys", TestKeys.write(home.resolve("keys.csv")).toString(),
                "gateway.security.rate", "0.2",
                "gateway.security.burst", "2",
                "gateway.http.tls.keystore", keystore.toString(),
                "gateway.http.tls.password", PASSWORD,
                "gateway.http.tls.type", "PKCS12")))) {
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "https://127.0.0.1:" + port;

            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"UP\""), health.body());
            assertFalse(answersPlainHttp(port), "with TLS on, plain HTTP is not served");

            HttpRequest lookup = HttpRequest.newBuilder(URI.create(base + "/api/v1/authorizations?memberId=EXH100234503"))
                    .header("Authorization", "Bearer " + TestKeys.RIVERBEND_LAKESIDE).build();
            for (int i = 0; i < 2; i++) {
                assertEquals(200, https.send(lookup, HttpResponse.BodyHandlers.ofString()).statusCode(), "within the burst");
            }
            HttpResponse<String> limited = https.send(lookup, HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals(Problem.CONTENT_TYPE, limited.headers().firstValue("Content-Type").orElse(""));
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
            // another client has its own bucket, and /health needs none
            HttpRequest other = HttpRequest.newBuilder(URI.create(base + "/api/v1/authorizations?site=NORTHGATE"))
                    .header("Authorization", "Bearer " + TestKeys.NORTHGATE).build();
            assertEquals(200, https.send(other, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, https.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    /**
     * A keystore the gateway cannot open stops the start with the reason, before the broker or the database is started:
     * a half-started gateway would hold the broker's port and serve nothing.
     */
    @Test
    void aKeystoreThatCannotBeOpenedStopsTheStartBeforeAnythingRuns() throws Exception {
        Path keystore = selfSigned(home.resolve("gateway.p12"));
        int brokerPort = RunningGateway.freePort();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Gateway.start(GatewaySettings.load(Map.of(
                "gateway.home", home.toString(),
                "gateway.http.port", String.valueOf(RunningGateway.freePort()),
                "gateway.broker.port", String.valueOf(brokerPort),
                "gateway.security.keys", TestKeys.write(home.resolve("keys.csv")).toString(),
                "gateway.http.tls.keystore", keystore.toString(),
                "gateway.http.tls.password", "not-" + PASSWORD))));
        assertTrue(refused.getMessage().contains("cannot be opened"), refused.getMessage());
        try (ServerSocket port = new ServerSocket(brokerPort)) {
            assertTrue(port.isBound(), "no broker was started");
        }
        assertFalse(Files.exists(home.resolve("data").resolve("broker")), "no journal was made");
    }

    /** keytool -genkeypair: an EC key and a self-signed certificate for 127.0.0.1, in a PKCS12 keystore. */
    private static Path selfSigned(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "gateway", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(Files.size(keystore) > 0);
        return keystore;
    }

    /** A client that trusts the keystore's certificate, and only it. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("gateway", store.getCertificate("gateway"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static boolean answersPlainHttp(int port) throws InterruptedException {
        try {
            HttpResponse<String> plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return plain.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}

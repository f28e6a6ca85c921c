package org.pagateway.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagateway.Gateway;
import org.pagateway.GatewaySettings;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.QueueProbe;
import org.pagateway.support.GatewayProcess;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.StandaloneBroker;
import org.pagateway.support.TestKeys;
import org.pagateway.support.X12Parsed;

/**
 * The broker goes down under a running gateway and comes back: a real Artemis, stopped and started again on its
 * journal and port. Meanwhile /health says 503 naming the broker, a JSON request and an inbox file are still taken
 * (stored, answered pended) and nothing is lost; once the broker is back the gateway finds it by itself, /health is
 * 200 again, and the queue sweep puts each request taken meanwhile on its review queue, once.
 */
class BrokerOutageTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path root;

    @Test
    void requestsTakenWhileTheBrokerIsDownAreQueuedOnceItIsBack() throws Exception {
        Path brokerFolder = Files.createDirectories(root.resolve("broker"));
        StandaloneBroker broker = StandaloneBroker.start(brokerFolder);
        int port = RunningGateway.freePort();
        try (Gateway gateway = Gateway.start(GatewaySettings.load(Map.of(
                "gateway.home", root.resolve("home").toString(),
                "gateway.http.port", String.valueOf(port),
                "gateway.broker.url", broker.url(),
                "gateway.inbox.delay", "100",
                "gateway.sweep.period", "500",
                "gateway.security.keys", TestKeys.write(root.resolve("keys.csv")).toString())))) {
            String base = "http://127.0.0.1:" + port;
            assertEquals(200, get(base + "/health").statusCode());

            broker.close();
            GatewayProcess.await(Duration.ofSeconds(30), "/health 503 with the broker down",
                    () -> get(base + "/health").statusCode() == 503);
            assertEquals("DOWN", CanonicalJson.mapper().readTree(get(base + "/health").body()).at("/components/broker").asText());

            // taken and stored all the same: the answer is the "processed later" pend, the review queue waits
            HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/authorizations"))
                    .header("Content-Type", "application/json").header("X-API-Key", TestKeys.ADMIN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.bytes(Samples.json("14-acupuncture.json")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, json.statusCode(), json.body());
            String jsonId = CanonicalJson.mapper().readTree(json.body()).get("id").asText();

            Path home = root.resolve("home");
            Files.write(home.resolve("outage.edi.part"), Samples.asNewInterchange(Samples.x12("26-infertility-ivf.edi")));
            Files.move(home.resolve("outage.edi.part"), home.resolve("inbox").resolve("outage.edi"));
            GatewayProcess.await(Duration.ofSeconds(30), "the file answered and archived",
                    () -> Files.exists(home.resolve("archive").resolve("outage.edi")));
            X12Parsed answer = X12Parsed.read(Files.readAllBytes(home.resolve("outbox").resolve("outage.edi.278.x12")));
            String fileId = answer.all("REF").stream().filter(r -> r.get(1).equals("NT")).map(r -> r.get(2)).findFirst().orElseThrow();
            assertEquals(2, gateway.store().unqueued(java.time.Instant.now().plusSeconds(60), 10).size(),
                    "both stored, neither queued yet");

            broker = StandaloneBroker.start(brokerFolder, broker.port());
            GatewayProcess.await(Duration.ofSeconds(30), "/health 200 with the broker back",
                    () -> get(base + "/health").statusCode() == 200);
            GatewayProcess.await(Duration.ofSeconds(30), "both queued by the sweep",
                    () -> gateway.store().unqueued(java.time.Instant.now().plusSeconds(60), 10).isEmpty());

            QueueProbe.takeOnce(broker.url(), "review.medical.acupuncture", jsonId);
            QueueProbe.takeOnce(broker.url(), "review.medical.infertility", fileId);
        } finally {
            broker.close();
        }
    }

    private static HttpResponse<String> get(String uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(uri, e);
        }
    }
}

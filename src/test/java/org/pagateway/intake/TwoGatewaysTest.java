package org.pagateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pagateway.model.CanonicalJson;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.support.Batches;
import org.pagateway.support.GatewayProcess;
import org.pagateway.support.Samples;
import org.pagateway.support.StandaloneBroker;
import org.pagateway.support.TestKeys;
import org.pagateway.support.TestPostgres;
import org.pagateway.support.X12Parsed;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * Two gateways, each in a JVM and GATEWAY_HOME of its own, sharing one PostgreSQL and one standalone Artemis (told
 * so the operator's way: GATEWAY_DB_URL, GATEWAY_DB_USER, GATEWAY_DB_PASSWORD, GATEWAY_BROKER_URL), split the work
 * and never do a piece of it twice. The same batch is delivered to both inboxes at once, each JSON request with an
 * Idempotency-Key goes to both at once (a client retrying on the other instance), and requests without one
 * alternate between them: every authorization is stored once, queued once, answered alike by both, and no two
 * share an ID.
 * <p>
 * Each gateway has its own inbox, on purpose. Camel's read locks (changed, markerFile, fileLock) hold only on one
 * host and one local file system, so two gateways polling one shared folder could both take a file; whoever
 * delivers files gives each to one gateway. Delivering the same file to two anyway costs nothing but a second
 * answer file: received_request turns the second reading into the first one's answers, which is what this checks.
 */
@Tag("external-parts")
class TwoGatewaysTest {

    private static final int SETS = 150;
    private static final int KEYED = 20;
    private static final int UNKEYED = 20;
    private static final String THERAPY = "review.medical.therapy";
    private static final String INFERTILITY = "review.medical.infertility";

    @Test
    void twoGatewaysSharingDatabaseAndBrokerDoEachRequestOnce() throws Exception {
        // under target/, so the gateways' logs stay for a look when this fails
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "two-gateways")), "run-").toAbsolutePath();
        String database = TestPostgres.newDatabase("two_gateways");
        try (StandaloneBroker broker = StandaloneBroker.start(Files.createDirectories(root.resolve("broker")))) {
            Map<String, String> environment = Map.of("GATEWAY_DB_URL", database, "GATEWAY_DB_USER", TestPostgres.USER,
                    "GATEWAY_DB_PASSWORD", TestPostgres.PASSWORD, "GATEWAY_BROKER_URL", broker.url());
            Map<String, String> settings = Map.of("gateway.inbox.delay", "200", "gateway.sweep.period", "1000",
                    "gateway.security.keys", TestKeys.write(root.resolve("api-keys.csv")).toString());
            try (GatewayProcess a = new GatewayProcess(Files.createDirectories(root.resolve("a")), settings, environment);
                    GatewayProcess b = new GatewayProcess(Files.createDirectories(root.resolve("b")), settings, environment)) {
                // both migrate the one empty database at the same time: Flyway's lock lets one do it
                inParallel(List.<Callable<GatewayProcess>>of(a::start, b::start));

                // PT evaluations for a My Care Family member: medical review, so every one is queued
                byte[] batch = Batches.build(Samples.bytes(Samples.x12("07-physical-therapy-eval.edi")), SETS);
                deliver(batch, root.resolve("a"), root.resolve("b"));
                List<String> json = submitJson(a.httpPort(), b.httpPort());

                List<String> fileIds = new ArrayList<>();
                for (Path home : List.of(root.resolve("a"), root.resolve("b"))) {
                    GatewayProcess.await(Duration.ofSeconds(60), "the batch archived in " + home,
                            () -> Files.exists(home.resolve("archive").resolve("batch.edi")));
                    X12Parsed answer = X12Parsed.read(Files.readAllBytes(home.resolve("outbox").resolve("batch.edi.278.x12")));
                    List<String> ids = answer.all("REF").stream().filter(r -> r.get(1).equals("NT")).map(r -> r.get(2)).toList();
                    assertEquals(SETS, ids.size(), "every transaction answered once");
                    assertEquals(SETS, new HashSet<>(ids).size(), "each with its own authorization");
                    if (fileIds.isEmpty()) {
                        fileIds.addAll(ids);
                    } else {
                        assertEquals(fileIds, ids, "both gateways answer the batch with the same authorizations");
                    }
                }

                Set<String> answered = new HashSet<>(fileIds);
                answered.addAll(json);
                assertEquals(SETS + KEYED + UNKEYED, answered.size(), "no ID handed out twice");
                try (Connection db = DriverManager.getConnection(database, TestPostgres.USER, TestPostgres.PASSWORD);
                        Statement sql = db.createStatement()) {
                    assertEquals(answered, ids(sql, "SELECT id FROM authorization_record"), "each authorization stored once");
                    assertEquals(SETS + KEYED, ids(sql, "SELECT request_key FROM received_request").size());
                    GatewayProcess.await(Duration.ofSeconds(30), "every authorization queued",
                            () -> count(sql, "SELECT COUNT(*) FROM authorization_record WHERE queued = FALSE") == 0);
                    Map<String, List<String>> queued = new HashMap<>();
                    queued.put(THERAPY, drain(broker.url(), THERAPY, SETS));
                    queued.put(INFERTILITY, drain(broker.url(), INFERTILITY, KEYED + UNKEYED));
                    assertEquals(ids(sql, "SELECT id FROM authorization_record WHERE review_queue = '" + THERAPY + "'"),
                            new HashSet<>(queued.get(THERAPY)));
                    assertEquals(ids(sql, "SELECT id FROM authorization_record WHERE review_queue = '" + INFERTILITY + "'"),
                            new HashSet<>(queued.get(INFERTILITY)));
                }
            }
        }
    }

    /** The same file into both inboxes, one right after the other, each whole at once (written aside, then moved in). */
    private static void deliver(byte[] batch, Path... homes) throws Exception {
        for (Path home : homes) {
            Files.write(home.resolve("batch.edi.staging"), batch);
        }
        for (Path home : homes) {
            Files.move(home.resolve("batch.edi.staging"), home.resolve("inbox").resolve("batch.edi"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * An IVF request (medical review) under KEYED keys, each sent to both gateways at once, and UNKEYED more without a
     * key, alternating between them. The IDs answered, one per request, after checking both answers of a key agree.
     */
    private static List<String> submitJson(int portA, int portB) throws Exception {
        byte[] body = Samples.bytes(Samples.json("26-infertility-ivf.json"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < KEYED; i++) {
            String key = "two-gateways-" + i;
            calls.add(() -> post(http, portA, body, key));
            calls.add(() -> post(http, portB, body, key));
        }
        for (int i = 0; i < UNKEYED; i++) {
            int port = i % 2 == 0 ? portA : portB;
            calls.add(() -> post(http, port, body, null));
        }
        List<String> answers = inParallel(calls);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < KEYED; i++) {
            assertEquals(answers.get(2 * i), answers.get(2 * i + 1), "one key, one authorization, from either gateway");
            ids.add(answers.get(2 * i));
        }
        ids.addAll(answers.subList(2 * KEYED, answers.size()));
        return ids;
    }

    private static String post(HttpClient http, int port, byte[] body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/authorizations"))
                .header("Content-Type", "application/json").header("X-API-Key", TestKeys.ADMIN).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(201, response.statusCode(), new String(response.body()));
        return CanonicalJson.mapper().readTree(response.body()).get("id").asText();
    }

    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 8));
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** Takes {@code expected} messages off the queue, then makes sure no further one (a duplicate) comes. */
    private static List<String> drain(String brokerUrl, String queue, int expected) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
                jakarta.jms.Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            List<String> ids = new ArrayList<>();
            Message message;
            while (ids.size() < expected && (message = consumer.receive(10_000)) != null) {
                ids.add(message.getStringProperty(ReviewQueuePublisher.AUTHORIZATION_ID));
            }
            assertEquals(expected, ids.size(), "on " + queue);
            assertEquals(expected, new HashSet<>(ids).size(), "each once on " + queue);
            // the sweeps of both gateways run every second: one that queued something again would show by now
            assertNull(consumer.receive(1_500), "nothing queued twice on " + queue);
            return ids;
        }
    }

    private static Set<String> ids(Statement sql, String query) throws Exception {
        Set<String> ids = new HashSet<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static int count(Statement sql, String query) {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new AssertionError(query, e);
        }
    }
}

package org.pagateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.support.Batches;
import org.pagateway.support.GatewayProcess;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.X12Parsed;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * The gateway process is killed (SIGKILL) in the middle of a 10,000-transaction batch and started again on the
 * same home: the file is answered once, whole, every transaction has exactly one authorization, and every
 * authorization is on its review queue exactly once.
 */
class KillNineTest {

    private static final int SETS = 10_000;
    private static final Pattern PROGRESS = Pattern.compile("batch\\.edi: (\\d+) transaction\\(s\\) stored, queued and answered so far");

    @Test
    void killedMidBatchEveryTransactionIsAnsweredOnceAndNothingIsDoubled() throws Exception {
        // under target/, so the gateway's log and data stay for a look when this fails
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "kill-nine")), "home-").toAbsolutePath();
        int brokerPort = RunningGateway.freePort();
        Path batch = home.resolve("batch.edi.staging");
        // PT evaluation and visits for a My Care Family member: medical review, so every one is queued
        Files.write(batch, Batches.build(Samples.bytes(Samples.x12("07-physical-therapy-eval.edi")), SETS));
        Map<String, String> settings = Map.of("gateway.broker.port", String.valueOf(brokerPort),
                "gateway.inbox.delay", "200", "gateway.sweep.period", "1000");

        try (GatewayProcess gateway = new GatewayProcess(home, settings)) {
            gateway.start();
            Files.move(batch, home.resolve("inbox").resolve("batch.edi"), StandardCopyOption.ATOMIC_MOVE);
            gateway.awaitLog(line -> progress(line) >= 2_000, Duration.ofMinutes(5), "2,000 transactions stored");
            gateway.kill();
            assertEquals(List.of(), outboxAnswers(home), "killed mid-batch: no answer file was completed");

            gateway.start();
            Path archived = home.resolve("archive").resolve("batch.edi");
            GatewayProcess.await(Duration.ofMinutes(8), "the batch archived", () -> Files.exists(archived));
            List<String> queued = drain(brokerPort);
            assertEquals(SETS, queued.size(), "each authorization queued once");
            assertEquals(SETS, new HashSet<>(queued).size());

            X12Parsed answer = X12Parsed.read(Files.readAllBytes(home.resolve("outbox").resolve("batch.edi.278.x12")));
            List<String> answered = answer.all("REF").stream().filter(r -> r.get(1).equals("NT")).map(r -> r.get(2)).toList();
            assertEquals(SETS, answered.size(), "every transaction answered once");
            assertEquals(SETS, new HashSet<>(answered).size(), "each with its own authorization");
            assertEquals(new HashSet<>(answered), new HashSet<>(queued));
            X12Parsed ack = X12Parsed.read(Files.readAllBytes(home.resolve("outbox").resolve("batch.edi.ack.x12")));
            assertEquals(List.of("A", String.valueOf(SETS), String.valueOf(SETS), String.valueOf(SETS)),
                    ack.first("AK9").elements());
            gateway.close();

            try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data").resolve("gateway"), "sa", "");
                    Statement sql = db.createStatement()) {
                assertEquals(SETS, count(sql, "SELECT COUNT(*) FROM authorization_record"), "no authorization twice");
                assertEquals(SETS, count(sql, "SELECT COUNT(*) FROM received_request"));
                assertEquals(0, count(sql, "SELECT COUNT(*) FROM authorization_record WHERE queued = FALSE"));
            }
        }
    }

    private static int progress(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static List<String> outboxAnswers(Path home) throws Exception {
        try (var files = Files.list(home.resolve("outbox"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".x12")).toList();
        }
    }

    /**
     * The authorization IDs on the therapy review queue, taken off it (a browser would not see paged messages).
     * Whatever the sweep still has to queue arrives within its grace and period: the drain waits that long for
     * a next message before it calls the queue empty.
     */
    private static List<String> drain(int brokerPort) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
                jakarta.jms.Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("review.medical.therapy"));
            List<String> ids = new java.util.ArrayList<>();
            Message message;
            while ((message = consumer.receive(10_000)) != null) {
                ids.add(message.getStringProperty(ReviewQueuePublisher.AUTHORIZATION_ID));
            }
            return ids;
        } catch (Exception e) {
            throw new AssertionError("cannot drain the review queue", e);
        }
    }

    private static int count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

}

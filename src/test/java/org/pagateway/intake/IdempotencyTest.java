package org.pagateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Channel;
import org.pagateway.model.Disposition;
import org.pagateway.queue.QueueSweep;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.Database;
import org.pagateway.store.ReferenceFiles;
import org.pagateway.support.QueueProbe;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.StandaloneBroker;
import org.pagateway.support.StandaloneIntake;
import org.pagateway.support.TestParts;
import org.pagateway.support.X12Parsed;
import org.pagateway.x12.X12RequestReader;

/**
 * A resent request gets its first answer and makes no second authorization: an interchange resent (same sender,
 * ISA13, GS06, ST02) by HTTP or as another file, a JSON request resent with its Idempotency-Key, and the same
 * request taken by two gateways at once. A request stored while the broker was down is queued by the sweep, once.
 */
@ExtendWith(RunningGateway.class)
class IdempotencyTest {

    @Test
    void aResentInterchangeGetsTheSameAuthorizationsBack() {
        byte[] x12 = Samples.bytes(Samples.x12("21-two-events-several-lines.edi"));
        List<String> first = hcrIds(post(x12));
        int stored = RunningGateway.gateway().store().count();
        List<String> again = hcrIds(post(x12));
        assertEquals(first, again);
        assertEquals(stored, RunningGateway.gateway().store().count(), "no second authorization");
    }

    @Test
    void aFileResentUnderAnotherNameIsAnsweredWithTheSameAuthorizations() throws Exception {
        var outbox = RunningGateway.settings().outbox();
        RunningGateway.dropIntoInbox(Samples.x12("15-infusion.edi"), "resend-a.edi");
        List<String> first = hcrIds(X12Parsed.read(Files.readAllBytes(RunningGateway.awaitFile(outbox.resolve("resend-a.edi.278.x12")))));
        RunningGateway.dropIntoInbox(Samples.x12("15-infusion.edi"), "resend-b.edi");
        List<String> again = hcrIds(X12Parsed.read(Files.readAllBytes(RunningGateway.awaitFile(outbox.resolve("resend-b.edi.278.x12")))));
        assertEquals(first, again);
    }

    @Test
    void aJsonRequestResentWithItsIdempotencyKeyGetsTheSameAuthorization() throws Exception {
        byte[] json = Samples.bytes(Samples.json("26-infertility-ivf.json"));
        String first = id(postJson(json, "pm-system-7f3a9c"));
        assertEquals(first, id(postJson(json, "pm-system-7f3a9c")));
        assertNotEquals(first, id(postJson(json, "pm-system-0b41d2")), "another key is another request");
    }

    @Test
    void twoGatewaysTakingTheSameRequestsAtOnceMakeOneAuthorizationEach() throws Exception {
        Database database = TestParts.openDatabase("race");
        Clock clock = Clock.systemUTC();
        try (X12RequestReader reader = new X12RequestReader();
                ReviewQueuePublisher publisher = new ReviewQueuePublisher(RunningGateway.brokerUrl())) {
            List<AuthorizationRequest> requests = RecordingListener
                    .read(reader, Samples.bytes(Samples.x12("24-batch-three-interchanges.edi"))).requests();
            AuthorizationStore store = new AuthorizationStore(database.dataSource(), ReferenceFiles.directory(null));
            // two gateways: their own intake and ID blocks, one database
            AuthorizationIntake one = StandaloneIntake.create(database, store, publisher, clock);
            AuthorizationIntake two = StandaloneIntake.create(database, store, publisher, clock);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<List<Disposition>> a = () -> one.accept(requests, Channel.X12_FILE, "one.edi");
                Callable<List<Disposition>> b = () -> two.accept(requests, Channel.X12_FILE, "two.edi");
                Future<List<Disposition>> fa = pool.submit(a);
                Future<List<Disposition>> fb = pool.submit(b);
                assertEquals(ids(fa.get()), ids(fb.get()));
            } finally {
                pool.shutdown();
            }
            assertEquals(requests.size(), store.count());
        } finally {
            database.close();
        }
    }

    @Test
    void storedWhileTheBrokerWasDownQueuedByTheSweepOnceItIsBack() throws Exception {
        Database database = TestParts.openDatabase("broker-down");
        Clock clock = Clock.systemUTC();
        try (X12RequestReader reader = new X12RequestReader();
                ReviewQueuePublisher down = new ReviewQueuePublisher("tcp://127.0.0.1:1?connectionTimeout=500");
                ReviewQueuePublisher up = new ReviewQueuePublisher(RunningGateway.brokerUrl())) {
            AuthorizationStore store = new AuthorizationStore(database.dataSource(), ReferenceFiles.directory(null));
            AuthorizationIntake intake = StandaloneIntake.create(database, store, down, clock);
            AuthorizationRequest request = RecordingListener
                    .read(reader, Samples.bytes(Samples.x12("12-transplant-em.edi"))).requests().get(0);

            Disposition accepted = intake.accept(List.of(request), Channel.X12_FILE, "down.edi").get(0);
            String id = accepted.primary().id();
            assertEquals(id, store.find(id).orElseThrow().id(), "accepted and stored with the broker down");

            // the sweep looks only at what is a few seconds old: run it with a clock a minute ahead
            QueueSweep sweep = new QueueSweep(store, up, Clock.offset(clock, java.time.Duration.ofMinutes(1)));
            assertEquals(1, sweep.sweep());
            assertEquals(0, sweep.sweep(), "queued once");
            QueueProbe.takeOnce("review.medical.transplant", id);
        } finally {
            database.close();
        }
    }

    /**
     * A gateway that queued authorizations and died before marking them (or another gateway marking them right now):
     * the broker refuses such a one as a duplicate, and with it the whole transaction, so the sweep must still queue
     * the others and mark every one, each on its queue once.
     */
    @Test
    void anAuthorizationOnItsQueueButNotMarkedDoesNotHoldUpTheSweep(@TempDir Path brokerFolder) throws Exception {
        Database database = TestParts.openDatabase("sweep-duplicate");
        Clock clock = Clock.systemUTC();
        // a broker of this test's own: the IDs of this database are the run's gateway's too, on its broker
        try (StandaloneBroker broker = StandaloneBroker.start(brokerFolder);
                X12RequestReader reader = new X12RequestReader();
                ReviewQueuePublisher down = new ReviewQueuePublisher("tcp://127.0.0.1:1?connectionTimeout=500");
                ReviewQueuePublisher up = new ReviewQueuePublisher(broker.url())) {
            AuthorizationStore store = new AuthorizationStore(database.dataSource(), ReferenceFiles.directory(null));
            List<AuthorizationRequest> requests = RecordingListener
                    .read(reader, Samples.bytes(Samples.x12("21-two-events-several-lines.edi"))).requests();
            List<Disposition> stored = StandaloneIntake.create(database, store, down, clock)
                    .accept(requests, Channel.X12_FILE, "died.edi");
            Authorization therapy = stored.get(0).primary();
            Authorization dme = stored.get(1).primary();
            up.publish(List.of(therapy));

            QueueSweep sweep = new QueueSweep(store, up, Clock.offset(clock, java.time.Duration.ofMinutes(1)));
            assertEquals(2, sweep.sweep());
            assertEquals(0, sweep.sweep(), "both marked queued");
            for (Authorization a : List.of(therapy, dme)) {
                QueueProbe.takeOnce(broker.url(), a.decision().reviewQueue(), a.id());
            }
        } finally {
            database.close();
        }
    }

    private static List<List<String>> ids(List<Disposition> dispositions) {
        return dispositions.stream().map(d -> d.authorizations().stream().map(a -> a.id()).toList()).toList();
    }

    private static X12Parsed post(byte[] x12) {
        HttpResponse<byte[]> response = RunningGateway.post("/x12/278", "application/edi-x12", x12);
        assertEquals(200, response.statusCode());
        return X12Parsed.read(response.body());
    }

    private static List<String> hcrIds(X12Parsed response) {
        return response.all("REF").stream().filter(r -> r.get(1).equals("NT")).map(r -> r.get(2)).toList();
    }

    private static HttpResponse<byte[]> postJson(byte[] json, String key) throws Exception {
        HttpRequest request = RunningGateway.withAdminKey(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + RunningGateway.settings().httpPort() + "/api/v1/authorizations"))).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String id(HttpResponse<byte[]> response) throws Exception {
        assertEquals(201, response.statusCode(), new String(response.body()));
        return CanonicalJson.mapper().readTree(response.body()).get("id").asText();
    }
}

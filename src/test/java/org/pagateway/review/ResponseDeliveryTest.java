package org.pagateway.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.Channel;
import org.pagateway.model.ReviewAction;
import org.pagateway.model.ReviewDecision;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.rules.PayerProfile;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.ControlNumbers;
import org.pagateway.store.Database;
import org.pagateway.store.ReferenceFiles;
import org.pagateway.support.QueueProbe;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.StandaloneIntake;
import org.pagateway.support.TestParts;
import org.pagateway.x12.X12RequestReader;

/**
 * A reviewer's decision met a broker that was down: the decision is recorded and answered all the same, its 278
 * response stays due, and the response sweep sends it once the broker is back: on outbound.278 once, and into
 * outbox/ for a request that came as a file. Sweeping again sends nothing.
 */
@ExtendWith(RunningGateway.class)
class ResponseDeliveryTest {

    @TempDir
    Path outbox;

    @Test
    void aDecisionsResponseLeftDueIsDeliveredOnceTheBrokerIsBack() throws Exception {
        Database database = TestParts.openDatabase("response-due");
        Clock clock = Clock.systemUTC();
        try (X12RequestReader reader = new X12RequestReader();
                ReviewQueuePublisher down = new ReviewQueuePublisher("tcp://127.0.0.1:1?connectionTimeout=500");
                ReviewQueuePublisher up = new ReviewQueuePublisher(RunningGateway.brokerUrl())) {
            AuthorizationStore store = new AuthorizationStore(database.dataSource(), ReferenceFiles.directory(null));
            AuthorizationRequest request = RecordingListener
                    .read(reader, Samples.bytes(Samples.x12("12-transplant-em.edi"))).requests().get(0);
            Authorization stored = StandaloneIntake.create(database, store, down, clock)
                    .accept(List.of(request), Channel.X12_FILE, "due.edi").get(0).primary();
            String id = stored.id();

            ReviewDesk desk = new ReviewDesk(store, down, new ControlNumbers(database.dataSource()), PayerProfile.standard(),
                    new ResponseDelivery(store, down, outbox, clock), clock);
            Authorization decided = desk.decide(id, new ReviewDecision(ReviewAction.APPROVE, "nurse.test",
                    BigDecimal.ONE, null, null, null)).orElseThrow();
            assertEquals(AuthorizationStatus.APPROVED, decided.status(), "decided with the broker down");
            Instant later = clock.instant().plus(Duration.ofMinutes(1));
            assertEquals(List.of(id), store.responsesDue(later, 10), "its response is due");
            assertEquals(List.of(), files(), "nothing in outbox/ yet");

            ResponseDelivery sweep = new ResponseDelivery(store, up, outbox, Clock.offset(clock, Duration.ofMinutes(1)));
            assertEquals(1, sweep.sweep());
            assertEquals(0, sweep.sweep(), "delivered once");
            assertEquals(List.of(), store.responsesDue(later, 10));
            String response = store.response(id).orElseThrow();
            List<Path> files = files();
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().startsWith("due.edi." + id + "."), files.toString());
            assertEquals(response, Files.readString(files.get(0)));

            jakarta.jms.TextMessage sent = (jakarta.jms.TextMessage) QueueProbe.takeOnce(ResponseDelivery.OUTBOUND_QUEUE, id);
            assertEquals(response, sent.getText());

            // delivered again (a gateway that died before marking it): the broker knows the message, outbox/ the file
            new ResponseDelivery(store, up, outbox, clock).deliver(decided, response);
            assertNull(QueueProbe.take(ResponseDelivery.OUTBOUND_QUEUE, id, 1_000), "still once");
            assertEquals(1, files().size());
        } finally {
            database.close();
        }
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.toList();
        }
    }
}

package org.pagateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.Channel;
import org.pagateway.model.Disposition;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.Database;
import org.pagateway.store.ReferenceFiles;
import org.pagateway.support.RecordingListener;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.StandaloneIntake;
import org.pagateway.x12.X12RequestReader;

import jakarta.jms.Connection;
import jakarta.jms.Session;

/**
 * The payer's monthly maintenance weekend: requests are still accepted, stored and queued, and answered pended
 * with the seed's "processed later" text, even those a weekday would reject or redirect at once.
 */
@ExtendWith(RunningGateway.class)
class MaintenanceWindowTest {

    /** Saturday of the third weekend of December 2026, 10:00 in Boston. */
    private static final Clock SATURDAY = Clock.fixed(Instant.parse("2026-12-19T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRequestDuringTheWindowIsStoredQueuedAndAnsweredPendedForLater() throws Exception {
        Database database = Database.open("jdbc:h2:mem:maintenance;DB_CLOSE_DELAY=-1", "sa", "", ReferenceFiles.directory(null));
        try (X12RequestReader reader = new X12RequestReader();
                ReviewQueuePublisher publisher = new ReviewQueuePublisher(RunningGateway.brokerUrl())) {
            AuthorizationStore store = new AuthorizationStore(database.dataSource(), ReferenceFiles.directory(null));
            AuthorizationIntake intake = StandaloneIntake.create(database, publisher, SATURDAY);
            List<AuthorizationRequest> requests = List.of(
                    RecordingListener.read(reader, Samples.bytes(Samples.x12("34-unknown-member.edi"))).requests().get(0),
                    RecordingListener.read(reader, Samples.bytes(Samples.x12("17-sleep-study-carveout.edi"))).requests().get(0));

            List<Disposition> answered = intake.accept(requests, Channel.X12_FILE, "weekend.edi");

            assertEquals(List.of("review.pend.referral", "review.pend.sleep-study"),
                    answered.stream().map(d -> d.decision().reviewQueue()).toList());
            for (Disposition d : answered) {
                assertEquals(AuthorizationStatus.PEND, d.decision().status());
                assertEquals("A4", d.decision().actionCode());
                assertTrue(d.decision().faxNotice().startsWith("Your request has been received and will be processed at a later time."));
                assertEquals(AuthorizationStatus.PEND, store.find(d.primary().id()).orElseThrow().status(), "stored");
            }
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(RunningGateway.brokerUrl());
                    Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                for (Disposition d : answered) {
                    assertNotNull(session.createConsumer(session.createQueue(d.decision().reviewQueue()),
                            ReviewQueuePublisher.AUTHORIZATION_ID + " = '" + d.primary().id() + "'").receive(5_000),
                            "queued on " + d.decision().reviewQueue());
                }
            }
        } finally {
            database.close();
        }
    }
}

package org.pagateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.store.ControlNumbers;
import org.pagateway.store.Database;
import org.pagateway.store.ReferenceFiles;
import org.pagateway.store.StoreException;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.StandaloneIntake;
import org.pagateway.x12.X12RequestReader;

/**
 * With the database gone, an inbox file is neither answered nor moved to error/: the failure comes out as
 * the store's, so the route leaves the file in the inbox to be tried again.
 */
@ExtendWith(RunningGateway.class)
class PartDownTest {

    @Test
    void aFileMeetingADeadDatabaseStaysForTheNextPoll(@TempDir Path home) throws Exception {
        Database database = Database.open("jdbc:h2:mem:part-down;DB_CLOSE_DELAY=-1", "sa", "", ReferenceFiles.directory(null));
        Clock clock = Clock.systemDefaultZone();
        try (X12RequestReader reader = new X12RequestReader();
                ReviewQueuePublisher publisher = new ReviewQueuePublisher(RunningGateway.brokerUrl())) {
            AuthorizationIntake intake = StandaloneIntake.create(database, publisher, clock);
            Path outbox = Files.createDirectories(home.resolve("outbox"));
            Path errors = Files.createDirectories(home.resolve("error"));
            X12FileIntake files = new X12FileIntake(new X12Intake(reader, intake, new ControlNumbers(database.dataSource())),
                    outbox, errors);
            Path input = Files.copy(Samples.x12("01-outpatient-surgical-sdc.edi"), home.resolve("01.edi"));
            // the database goes away under the gateway (shut down from outside its pool, whose connections it breaks):
            // what comes back in its place has no tables
            try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:mem:part-down", "sa", "");
                    var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }

            assertThrows(StoreException.class, () -> files.processFile(input));
            assertEquals(List.of(), list(outbox), "no answer, not even half a file");
            assertEquals(List.of(), list(errors), "not an unreadable file");
        } finally {
            database.close();
        }
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}

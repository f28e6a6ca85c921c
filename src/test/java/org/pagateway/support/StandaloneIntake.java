package org.pagateway.support;

import java.time.Clock;

import org.pagateway.intake.AuthorizationIntake;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.review.RevisionDesk;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.store.AuthorizationIds;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.ControlNumbers;
import org.pagateway.store.Database;
import org.pagateway.store.ReferenceFiles;

/** An intake wired as the gateway wires it, on a database and broker of the test's own, under its own clock. */
public final class StandaloneIntake {

    private StandaloneIntake() {
    }

    public static AuthorizationIntake create(Database database, ReviewQueuePublisher publisher, Clock clock) {
        return create(database, new AuthorizationStore(database.dataSource(), ReferenceFiles.directory(null)), publisher, clock);
    }

    /** One of several gateways sharing the store: its own intake and ID blocks. */
    public static AuthorizationIntake create(Database database, AuthorizationStore store, ReviewQueuePublisher publisher,
            Clock clock) {
        DecisionEngine engine = DecisionEngine.standard();
        RevisionDesk revisions = new RevisionDesk(store, publisher, new ControlNumbers(database.dataSource()), engine, clock);
        return new AuthorizationIntake(new AuthorizationIds(database.dataSource(), clock), engine, store, publisher,
                revisions, clock);
    }
}

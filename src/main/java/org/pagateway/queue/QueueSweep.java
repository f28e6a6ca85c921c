package org.pagateway.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.pagateway.model.Authorization;
import org.pagateway.store.AuthorizationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues what was stored but never queued: the authorizations of a gateway that died between its database
 * commit and its broker commit, or that met a broker that was down. Each is sent with its authorization ID as
 * Artemis' duplicate ID, so one that did reach its queue is not queued twice, whichever gateway sweeps.
 */
public final class QueueSweep {

    private static final Logger LOG = LoggerFactory.getLogger(QueueSweep.class);
    /** Younger ones are most likely being queued by the intake that stored them right now. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final int BATCH = 500;

    private final AuthorizationStore store;
    private final ReviewQueuePublisher queues;
    private final Clock clock;

    public QueueSweep(AuthorizationStore store, ReviewQueuePublisher queues, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.clock = clock;
    }

    /** Queues every unqueued authorization older than a few seconds; the number queued. */
    public int sweep() {
        int total = 0;
        List<Authorization> unqueued;
        while (!(unqueued = store.unqueued(clock.instant().minus(GRACE), BATCH)).isEmpty()) {
            publish(unqueued);
            store.markQueued(unqueued.stream().map(Authorization::id).toList());
            total += unqueued.size();
        }
        if (total > 0) {
            LOG.info("queued {} authorization(s) that were stored but not yet queued", total);
        }
        return total;
    }

    /**
     * All in one broker transaction, as a rule. Some may be on their queues already: queued by a gateway that died before
     * marking them, or by another gateway marking them right now. The broker then refuses the whole transaction, so
     * they go one at a time, and one the broker calls a duplicate only lacked its mark. Without this a single such
     * authorization would keep the sweep from ever queueing the others it comes first among.
     */
    private void publish(List<Authorization> unqueued) {
        try {
            queues.publish(unqueued);
        } catch (AlreadyQueued e) {
            for (Authorization authorization : unqueued) {
                try {
                    queues.publish(List.of(authorization));
                } catch (AlreadyQueued onItsQueue) {
                    LOG.debug("{} was on its queue already", authorization.id());
                }
            }
        }
    }
}

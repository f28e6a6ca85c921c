package org.pagateway.review;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pagateway.model.Authorization;
import org.pagateway.model.Decision;
import org.pagateway.model.HistoryEntry;
import org.pagateway.model.ReviewDecision;
import org.pagateway.queue.AlreadyQueued;
import org.pagateway.queue.QueueException;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.rules.PayerProfile;
import org.pagateway.rules.ReviewRefused;
import org.pagateway.rules.ReviewRules;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.ControlNumbers;
import org.pagateway.x12.ResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a reviewer's decision closes the loop: the new decision is recorded with who and when, its 278 response
 * is kept on the authorization for HTTP clients and sent on the outbound queue, a request that came as a file
 * gets the response in outbox/ beside its first answers, and the authorization leaves its old review queue (or
 * moves to its new one).
 */
public final class ReviewDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewDesk.class);

    private final AuthorizationStore store;
    private final ReviewQueuePublisher queues;
    private final ControlNumbers controlNumbers;
    private final ReviewRules rules;
    private final PayerProfile profile;
    private final ResponseDelivery responses;
    private final Clock clock;

    public ReviewDesk(AuthorizationStore store, ReviewQueuePublisher queues, ControlNumbers controlNumbers,
            PayerProfile profile, ResponseDelivery responses, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.controlNumbers = controlNumbers;
        this.rules = new ReviewRules(profile);
        this.profile = profile;
        this.responses = responses;
        this.clock = clock;
    }

    /** The decided authorization; empty when there is no such authorization. */
    public Optional<Authorization> decide(String id, ReviewDecision review) {
        Optional<Authorization> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Authorization current = found.get();
        Instant now = clock.instant();
        Decision decision = rules.apply(current, review, now);
        Authorization decided = new Authorization(current.id(), current.channel(), current.sourceName(), current.request(),
                decision, current.createdAt());
        byte[] response = ResponseWriter.decided(decided, controlNumbers.next(), profile.payer().id());
        HistoryEntry entry = new HistoryEntry(now, review.reviewer(), review.action().name(), current.status(),
                decision.status(), review.reason());
        String was = current.decision().reviewQueue();
        boolean toAnotherQueue = decision.reviewQueue() != null && !decision.reviewQueue().equals(was);
        if (!store.decide(id, current.status(), decision, new String(response, StandardCharsets.US_ASCII), entry,
                toAnotherQueue)) {
            throw new ReviewRefused(ReviewRefused.Kind.CONFLICT,
                    "authorization " + id + " was decided by someone else meanwhile; fetch it and decide again", List.of());
        }
        // recorded, with its response due and a new queue unqueued: a broker that is down now delays the rest (the sweeps
        // send it once it is back), it loses nothing
        try {
            if (was != null && !was.equals(decision.reviewQueue())) {
                queues.withdraw(was, id);
            }
        } catch (QueueException e) {
            LOG.warn("{} decided but still on {}: {}", id, was, e.getMessage());
        }
        try {
            if (toAnotherQueue) {
                try {
                    queues.publish(List.of(decided));
                } catch (AlreadyQueued sweptFirst) {
                    LOG.debug("{} was put on {} by the sweep already", id, decision.reviewQueue());
                }
                store.markQueued(List.of(id));
            }
            responses.deliver(decided, new String(response, StandardCharsets.US_ASCII));
        } catch (QueueException e) {
            LOG.warn("{} decided; it goes on its queue and its response out once the broker is back: {}", id, e.getMessage());
        }
        LOG.info("{} decided {} -> {} by a reviewer", id, current.status(), decision.status());
        return Optional.of(decided);
    }
}

package org.pagateway.review;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.Decision;
import org.pagateway.model.Disposition;
import org.pagateway.model.HistoryEntry;
import org.pagateway.model.Outcome;
import org.pagateway.model.Receipt;
import org.pagateway.model.Rejection;
import org.pagateway.model.RejectionLevel;
import org.pagateway.model.Revision;
import org.pagateway.queue.QueueException;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.rules.RevisionRefused;
import org.pagateway.rules.RevisionRules;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.ControlNumbers;
import org.pagateway.x12.ResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a provider's revision lands, from JSON or from an X12 278 (UM02 S, 4, 3): the rules decide what it does to
 * the authorization as it is at that moment (the row is locked meanwhile), the change is recorded in the history
 * with the 278 response that says so, and the authorization goes on its medical review queue (or off its queue,
 * when cancelled).
 */
public final class RevisionDesk {

    private static final Logger LOG = LoggerFactory.getLogger(RevisionDesk.class);

    private final AuthorizationStore store;
    private final ReviewQueuePublisher queues;
    private final ControlNumbers controlNumbers;
    private final RevisionRules rules;
    private final String payerId;
    private final Clock clock;

    public RevisionDesk(AuthorizationStore store, ReviewQueuePublisher queues, ControlNumbers controlNumbers,
            DecisionEngine engine, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.controlNumbers = controlNumbers;
        this.rules = new RevisionRules(engine);
        this.payerId = engine.profile().payer().id();
        this.clock = clock;
    }

    /**
     * The revised authorization; empty when there is no such authorization.
     *
     * @throws RevisionRefused when the seed's rules do not allow the revision
     */
    public Optional<Authorization> revise(String id, Revision revision) {
        return revise(id, null, current -> revision);
    }

    private Optional<Authorization> revise(String id, String receiptKey, Function<Authorization, Revision> asked) {
        Instant now = clock.instant();
        AtomicReference<Decision> before = new AtomicReference<>();
        Optional<Authorization> revised = store.change(id, receiptKey, current -> {
            before.set(current.decision());
            Revision revision = asked.apply(current);
            RevisionRules.Revised made = rules.apply(current, revision, now);
            Authorization after = new Authorization(current.id(), current.channel(), current.sourceName(), made.request(),
                    made.decision(), current.createdAt());
            byte[] response = ResponseWriter.decided(after, controlNumbers.next(), payerId);
            HistoryEntry entry = new HistoryEntry(now, revision.requestedBy(), revision.cancel() ? "CANCEL" : "REVISE",
                    current.status(), made.decision().status(), made.summary());
            return new AuthorizationStore.Change(made.request(), made.decision(),
                    new String(response, StandardCharsets.US_ASCII), entry);
        });
        revised.ifPresent(after -> requeue(after, before.get()));
        return revised;
    }

    /**
     * A revision waits on its medical review queue as it now is; a cancelled one waits nowhere. Stored is done: a
     * broker that is down leaves the authorization unqueued in the store, and the sweep queues it when it is back.
     */
    private void requeue(Authorization after, Decision before) {
        String was = before.reviewQueue();
        try {
            if (was != null) {
                // the message there holds the authorization as it was: a reviewer must see the revised one
                queues.withdraw(was, after.id());
            }
            if (after.decision().reviewQueue() != null) {
                queues.publish(List.of(after));
                store.markQueued(List.of(after.id()));
            }
        } catch (QueueException e) {
            LOG.warn("{} revised but not requeued, the sweep will queue it: {}", after.id(), e.getMessage());
        }
        LOG.info("{} revised: {} -> {}", after.id(), before.status(), after.status());
    }

    /**
     * An X12 revision, answered like any 278 request: the revised authorization (HCR with its same ID), or AAA where
     * the revision cannot be taken (no REF*BB: MA; unknown authorization: AA; another member's: CI; a status that
     * allows no revision: 41; a corrected procedure code: AG under its 2000F). The answer is kept under the request's
     * key (its sender, ISA13, GS06, ST02 and place), so a resend gets it again instead of revising twice.
     */
    public Disposition reviseFromX12(AuthorizationRequest sent, String receiptKey) {
        String id = sent.previousAuthorizationId();
        if (id == null || id.isBlank()) {
            return refused(sent, receiptKey, "A revision names the authorization it revises (2000E REF*BB).",
                    List.of(new Rejection(RejectionLevel.EVENT, 0, "MA", Rejection.CORRECT_AND_RESUBMIT, "previousAuthorizationId",
                            "is required: the authorization number this revision is for")));
        }
        AtomicReference<RevisionRules.X12Revision> read = new AtomicReference<>();
        try {
            Optional<Authorization> revised = revise(id.strip(), receiptKey, current -> {
                if (!sameMember(sent, current.request())) {
                    throw new RevisionRefused(RevisionRefused.Kind.INVALID, "Authorization " + current.id()
                            + " is not for this member.", List.of(new Rejection(RejectionLevel.EVENT, 0, "CI",
                                    Rejection.CORRECT_AND_RESUBMIT, "subscriber.memberId",
                                    "authorization " + current.id() + " is for another member")));
                }
                read.set(rules.fromX12(sent, current));
                return read.get().revision();
            });
            return revised.map(a -> new Disposition(sent, a.decision(), List.of(a)))
                    .orElseGet(() -> refused(sent, receiptKey, "No authorization " + id.strip() + ".",
                            List.of(new Rejection(RejectionLevel.EVENT, 0, "AA", Rejection.CORRECT_AND_RESUBMIT,
                                    "previousAuthorizationId", "no authorization " + id.strip()))));
        } catch (RevisionRefused refused) {
            RevisionRules.X12Revision revision = read.get();
            List<Rejection> placed = refused.rejections().stream()
                    .map(r -> revision == null ? r : revision.placed(r)).toList();
            return refused(sent, receiptKey, refused.getMessage(), placed);
        }
    }

    /** The member of the revision must be the authorization's: a subscriber's ID, or the dependent's when given. */
    private static boolean sameMember(AuthorizationRequest sent, AuthorizationRequest held) {
        String sentId = sent.subscriber() == null ? null : sent.subscriber().memberId();
        String heldId = held.subscriber() == null ? null : held.subscriber().memberId();
        return sentId != null && sentId.equals(heldId);
    }

    private Disposition refused(AuthorizationRequest sent, String receiptKey, String message, List<Rejection> rejections) {
        Decision decision = new Decision(Outcome.REJECTED, AuthorizationStatus.CLOSED, null,
                rejections.stream().map(r -> r.field() + " " + r.reason()).toList(), null, null, message, rejections, null,
                null, null, null, null);
        if (receiptKey != null) {
            // a resend is refused the same way (a racing resend's AlreadyReceived makes the intake answer it from this)
            store.insertAll(List.of(), List.of(new Receipt(receiptKey, List.of(), decision)));
        }
        return new Disposition(sent, decision, List.of());
    }
}

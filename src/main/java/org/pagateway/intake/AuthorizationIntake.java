package org.pagateway.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pagateway.metrics.GatewayMetrics;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Channel;
import org.pagateway.model.Decision;
import org.pagateway.model.Disposition;
import org.pagateway.model.EnvelopeRef;
import org.pagateway.model.Outcome;
import org.pagateway.model.Receipt;
import org.pagateway.queue.QueueException;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.review.RevisionDesk;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.rules.Ruling;
import org.pagateway.store.AlreadyReceived;
import org.pagateway.store.AuthorizationIds;
import org.pagateway.store.AuthorizationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every way in meets: each canonical request is decided, the authorizations it makes get IDs, are
 * stored, then queued for review where a person must decide. A request is answered only after it is stored.
 * A rejected request makes no authorization: its answer is the rejection. A revision (UM02 S, 4, 3) makes none
 * either: it changes the authorization it names, and its answer is about that one.
 */
public final class AuthorizationIntake {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationIntake.class);

    private final AuthorizationIds ids;
    private final DecisionEngine decisions;
    private final AuthorizationStore store;
    private final ReviewQueuePublisher queues;
    private final RevisionDesk revisions;
    private final Clock clock;
    private final GatewayMetrics metrics;

    public AuthorizationIntake(AuthorizationIds ids, DecisionEngine decisions, AuthorizationStore store,
            ReviewQueuePublisher queues, RevisionDesk revisions, Clock clock) {
        this(ids, decisions, store, queues, revisions, clock, GatewayMetrics.detached());
    }

    public AuthorizationIntake(AuthorizationIds ids, DecisionEngine decisions, AuthorizationStore store,
            ReviewQueuePublisher queues, RevisionDesk revisions, Clock clock, GatewayMetrics metrics) {
        this.ids = ids;
        this.decisions = decisions;
        this.store = store;
        this.queues = queues;
        this.revisions = revisions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** One disposition per request, in the order of the requests. */
    public List<Disposition> accept(List<AuthorizationRequest> requests, Channel channel, String sourceName) {
        return accept(requests, channel, sourceName, null);
    }

    /**
     * Decides, stores and queues the requests, answering each once: a request received before (an X12 patient
     * event by its sender, ISA13, GS06, ST02 and place in the set; a JSON request by {@code idempotencyKey})
     * gets its first answer again and makes no second authorization, even when another gateway took it first.
     */
    public List<Disposition> accept(List<AuthorizationRequest> requests, Channel channel, String sourceName,
            String idempotencyKey) {
        return accept(requests, channel, sourceName, idempotencyKey, null);
    }

    /**
     * @param scope who is sending, for a sender held to its own requests (an HTTP client of some sites): a resend is
     *              then recognised among that sender's requests only, so nobody gets another's first answer by
     *              sending its envelope or Idempotency-Key. Null: among everyone's (files, admins).
     */
    public List<Disposition> accept(List<AuthorizationRequest> requests, Channel channel, String sourceName,
            String idempotencyKey, String scope) {
        List<String> keys = keys(requests, idempotencyKey, scope);
        for (int attempt = 1;; attempt++) {
            try {
                return acceptOnce(requests, keys, channel, sourceName);
            } catch (AlreadyReceived e) {
                // another gateway answered some of these between our look-up and our insert: take its answers
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private List<Disposition> acceptOnce(List<AuthorizationRequest> requests, List<String> keys, Channel channel,
            String sourceName) {
        Instant now = clock.instant();
        Map<String, Receipt> seen = store.receipts(keys.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, Disposition> thisBatch = new HashMap<>();
        Disposition[] dispositions = new Disposition[requests.size()];
        List<Authorization> made = new ArrayList<>(requests.size());
        List<Receipt> receipts = new ArrayList<>(requests.size());
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        int again = 0;
        for (int i = 0; i < requests.size(); i++) {
            AuthorizationRequest request = requests.get(i);
            String key = keys.get(i);
            if (key != null && seen.containsKey(key)) {
                dispositions[i] = answered(request, seen.get(key));
                again++;
                continue;
            }
            if (request.isRevision()) {
                // applied once the new ones are stored, each on its own (below)
                continue;
            }
            if (key != null && thisBatch.containsKey(key)) {
                // the same request twice in one input: one authorization, the same answer twice
                dispositions[i] = thisBatch.get(key);
                again++;
                continue;
            }
            Ruling ruling = decisions.decide(request, now);
            outcomes.add(ruling.decision().outcome());
            List<Authorization> authorizations = authorizations(ruling, channel, sourceName, now);
            made.addAll(authorizations);
            Disposition disposition = new Disposition(request,
                    authorizations.isEmpty() ? ruling.decision() : authorizations.get(0).decision(), authorizations);
            dispositions[i] = disposition;
            if (key != null) {
                thisBatch.put(key, disposition);
                receipts.add(new Receipt(key, authorizations.stream().map(Authorization::id).toList(), disposition.decision()));
            }
        }
        store.insertAll(made, receipts);
        queue(made);
        for (int i = 0; i < requests.size(); i++) {
            if (dispositions[i] == null) {
                // a revision changes the authorization it names; its answer is kept under its key like any other
                dispositions[i] = revisions.reviseFromX12(requests.get(i), keys.get(i));
            }
        }
        // counted once the requests are stored: a batch retried after another gateway's insert is counted once
        metrics.received(channel, requests.size());
        metrics.answeredAgain(channel, again);
        outcomes.forEach(metrics::decided);
        metrics.stored(channel, made.size());
        return List.of(dispositions);
    }

    /**
     * Stored is accepted: a broker that is down does not turn an accepted request away. What could not be
     * queued stays unqueued in the store, and the sweep queues it when the broker is back.
     */
    private void queue(List<Authorization> made) {
        List<Authorization> forReview = made.stream().filter(a -> a.decision().reviewQueue() != null).toList();
        if (forReview.isEmpty()) {
            return;
        }
        try {
            queues.publish(forReview);
        } catch (QueueException e) {
            LOG.warn("{} authorization(s) stored but not queued, the sweep will queue them: {}", forReview.size(), e.getMessage());
            return;
        }
        store.markQueued(forReview.stream().map(Authorization::id).toList());
    }

    /** A request answered before: the authorizations it made as they stand now, or the rejection it got. */
    private Disposition answered(AuthorizationRequest request, Receipt receipt) {
        List<Authorization> authorizations = receipt.authorizationIds().stream().map(store::find)
                .flatMap(Optional::stream).toList();
        return new Disposition(request, authorizations.isEmpty() ? receipt.decision() : authorizations.get(0).decision(),
                authorizations);
    }

    /** What identifies each request to its sender; null when nothing does (JSON without an Idempotency-Key). */
    static List<String> keys(List<AuthorizationRequest> requests, String idempotencyKey) {
        return keys(requests, idempotencyKey, null);
    }

    static List<String> keys(List<AuthorizationRequest> requests, String idempotencyKey, String scope) {
        List<String> keys = new ArrayList<>(requests.size());
        String json = scope == null ? "json|" : "json|" + scope + "|";
        String x12 = scope == null ? "x12" : "x12|" + scope;
        EnvelopeRef previous = null;
        int place = 0;
        for (AuthorizationRequest request : requests) {
            EnvelopeRef envelope = request.envelope();
            if (envelope == null) {
                keys.add(idempotencyKey == null || idempotencyKey.isBlank() ? null : json + idempotencyKey.strip());
                continue;
            }
            // the patient events of one transaction set come one after the other, with the same envelope
            place = envelope.equals(previous) ? place + 1 : 0;
            previous = envelope;
            keys.add(String.join("|", x12, envelope.senderQualifier() + ":" + envelope.senderId(),
                    envelope.interchangeControlNumber(), envelope.groupControlNumber(), envelope.transactionControlNumber(),
                    String.valueOf(place)));
        }
        return keys;
    }

    /**
     * One authorization per request the ruling makes. The seed's surgical day care: "the immediate response will
     * generate an authorization to one of the providers and populate the second authorization number in the
     * remarks", so the first names the second in its remarks and message, and each points at the other.
     */
    private List<Authorization> authorizations(Ruling ruling, Channel channel, String sourceName, Instant now) {
        List<AuthorizationRequest> requests = ruling.authorizations();
        List<String> made = requests.stream().map(r -> ids.next()).toList();
        int remarksLimit = decisions.profile().limits().remarks();
        List<Authorization> authorizations = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            AuthorizationRequest request = requests.get(i);
            Decision decision = ruling.decision();
            if (ruling.faxContents() != null) {
                // the notice names this authorization and when it was submitted, for the fax cover sheet
                decision = decisions.faxFallback().complete(decision, ruling.faxContents(), made.get(i), now);
            }
            if (made.size() > 1) {
                String self = made.get(i);
                List<String> others = made.stream().filter(id -> !id.equals(self)).toList();
                if (i == 0) {
                    String note = "Second authorization " + String.join(", ", others) + ".";
                    request = request.withRemarks(request.remarks() == null ? note
                            : request.remarks().length() + 1 + note.length() <= remarksLimit ? request.remarks() + " " + note : request.remarks());
                    decision = decision.withRelated(others, decision.message() == null ? note : decision.message() + " " + note);
                } else {
                    decision = decision.withRelated(others, decision.message());
                }
            }
            authorizations.add(new Authorization(made.get(i), channel, sourceName, request, decision, now));
        }
        return authorizations;
    }
}

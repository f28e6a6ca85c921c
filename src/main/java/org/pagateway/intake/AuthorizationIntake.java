package org.pagateway.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Channel;
import org.pagateway.model.Decision;
import org.pagateway.model.Disposition;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.review.RevisionDesk;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.rules.Ruling;
import org.pagateway.store.AuthorizationIds;
import org.pagateway.store.AuthorizationStore;

/**
 * Where every way in meets: each canonical request is decided, the authorizations it makes get IDs, are
 * stored, then queued for review where a person must decide. A request is answered only after it is stored.
 * A rejected request makes no authorization: its answer is the rejection. A revision (UM02 S, 4, 3) makes none
 * either: it changes the authorization it names, and its answer is about that one.
 */
public final class AuthorizationIntake {

    private final AuthorizationIds ids;
    private final DecisionEngine decisions;
    private final AuthorizationStore store;
    private final ReviewQueuePublisher queues;
    private final RevisionDesk revisions;
    private final Clock clock;

    public AuthorizationIntake(AuthorizationIds ids, DecisionEngine decisions, AuthorizationStore store,
            ReviewQueuePublisher queues, RevisionDesk revisions, Clock clock) {
        this.ids = ids;
        this.decisions = decisions;
        this.store = store;
        this.queues = queues;
        this.revisions = revisions;
        this.clock = clock;
    }

    /** One disposition per request, in the order of the requests. */
    public List<Disposition> accept(List<AuthorizationRequest> requests, Channel channel, String sourceName) {
        Instant now = clock.instant();
        Disposition[] dispositions = new Disposition[requests.size()];
        List<Authorization> made = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            AuthorizationRequest request = requests.get(i);
            if (request.isRevision()) {
                continue;
            }
            Ruling ruling = decisions.decide(request, now);
            List<Authorization> authorizations = authorizations(ruling, channel, sourceName, now);
            made.addAll(authorizations);
            dispositions[i] = new Disposition(request,
                    authorizations.isEmpty() ? ruling.decision() : authorizations.get(0).decision(), authorizations);
        }
        store.insertAll(made);
        queues.publish(made);
        for (int i = 0; i < requests.size(); i++) {
            if (dispositions[i] == null) {
                dispositions[i] = revisions.reviseFromX12(requests.get(i));
            }
        }
        return List.of(dispositions);
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

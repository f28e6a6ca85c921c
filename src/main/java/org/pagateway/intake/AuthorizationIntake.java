package org.pagateway.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Channel;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.store.AuthorizationIds;
import org.pagateway.store.AuthorizationStore;

/**
 * Where every way in meets: each canonical request gets an ID and a decision, is stored, then queued for
 * review. A request is answered only after it is stored.
 */
public final class AuthorizationIntake {

    private final AuthorizationIds ids;
    private final DecisionEngine decisions;
    private final AuthorizationStore store;
    private final ReviewQueuePublisher queues;
    private final Clock clock;

    public AuthorizationIntake(AuthorizationIds ids, DecisionEngine decisions, AuthorizationStore store,
            ReviewQueuePublisher queues, Clock clock) {
        this.ids = ids;
        this.decisions = decisions;
        this.store = store;
        this.queues = queues;
        this.clock = clock;
    }

    public List<Authorization> accept(List<AuthorizationRequest> requests, Channel channel, String sourceName) {
        List<Authorization> authorizations = new ArrayList<>(requests.size());
        for (AuthorizationRequest request : requests) {
            authorizations.add(new Authorization(ids.next(), channel, sourceName, request, decisions.decide(request),
                    clock.instant()));
        }
        store.insertAll(authorizations);
        queues.publish(authorizations);
        return authorizations;
    }
}

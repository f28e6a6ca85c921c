package org.pagateway.review;

import java.util.Optional;

import org.pagateway.model.Authorization;
import org.pagateway.queue.DeadLetter;
import org.pagateway.queue.ReplayCheck;
import org.pagateway.store.AuthorizationStore;

/**
 * A review message dead-lettered while its authorization moved on (a reviewer decided it over HTTP, or it went to
 * another queue): replaying it would ask for a review that is done or waiting elsewhere. Everything else may go back,
 * including 278 responses, which the submitter should get however late.
 */
public final class StaleReviewCheck implements ReplayCheck {

    private final AuthorizationStore store;

    public StaleReviewCheck(AuthorizationStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> refusal(DeadLetter letter) {
        String queue = letter.originalQueue();
        if (queue == null || !queue.startsWith("review.") || letter.authorizationId() == null) {
            return Optional.empty();
        }
        Optional<Authorization> now = store.find(letter.authorizationId());
        if (now.isEmpty() || queue.equals(now.get().decision().reviewQueue())) {
            return Optional.empty();
        }
        String where = now.get().decision().reviewQueue();
        return Optional.of("authorization " + letter.authorizationId() + " is " + now.get().status()
                + (where == null ? " and awaits no review" : " and awaits review on " + where)
                + " now: replaying it to " + queue + " would ask for a review nobody needs");
    }
}

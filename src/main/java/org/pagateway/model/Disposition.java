package org.pagateway.model;

import java.util.List;

/**
 * What became of one request (one patient event): its decision and the authorizations it made. A rejected
 * request makes none; a surgical day care makes two, the first of which the answer names.
 */
public record Disposition(AuthorizationRequest request, Decision decision, List<Authorization> authorizations) {

    public Disposition {
        authorizations = List.copyOf(authorizations);
    }

    /** The authorization the answer is about; null when the request was rejected. */
    public Authorization primary() {
        return authorizations.isEmpty() ? null : authorizations.get(0);
    }

    public static Disposition of(Authorization authorization) {
        return new Disposition(authorization.request(), authorization.decision(), List.of(authorization));
    }
}

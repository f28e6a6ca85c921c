package org.pagateway.rules;

import java.util.List;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Decision;

/**
 * The decision for one request and the authorizations it makes: none when rejected, one usually, two for a
 * surgical day care (facility and surgeon). The requests may differ from what was sent where the rules amend
 * them (the evaluation visit of OT/PT/speech therapy).
 */
public record Ruling(Decision decision, List<AuthorizationRequest> authorizations) {

    public Ruling {
        authorizations = List.copyOf(authorizations);
    }
}

package org.pagateway.rules;

import java.util.List;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Decision;

/**
 * The decision for one request and the authorizations it makes: none when rejected, one usually, two for a
 * surgical day care (facility and surgeon). The requests may differ from what was sent where the rules amend
 * them (the evaluation visit of OT/PT/speech therapy). {@code faxContents} says what the provider is to fax when
 * the answer falls back to fax (pended, fax only); null otherwise. The notice is made out per authorization once
 * it has its ID ({@link FaxFallback}).
 */
public record Ruling(Decision decision, List<AuthorizationRequest> authorizations, String faxContents) {

    public Ruling {
        authorizations = List.copyOf(authorizations);
    }

    public Ruling(Decision decision, List<AuthorizationRequest> authorizations) {
        this(decision, authorizations, null);
    }
}

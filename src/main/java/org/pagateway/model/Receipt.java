package org.pagateway.model;

import java.util.List;

/**
 * What the gateway answered to one received request, under the key its sender identifies it by: the
 * authorizations it made (none when rejected) and the decision.
 */
public record Receipt(String key, List<String> authorizationIds, Decision decision) {

    public Receipt {
        authorizationIds = List.copyOf(authorizationIds);
    }
}

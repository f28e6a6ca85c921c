package org.pagateway.model;

import java.time.Instant;

/** A stored authorization: its ID in the seed format (YYDDD R nnnnn), the request and its decision. */
public record Authorization(
        String id,
        Channel channel,
        String sourceName,
        AuthorizationRequest request,
        Decision decision,
        Instant createdAt) {

    public AuthorizationStatus status() {
        return decision.status();
    }
}

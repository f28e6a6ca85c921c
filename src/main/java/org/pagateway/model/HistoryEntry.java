package org.pagateway.model;

import java.time.Instant;

/** One step in an authorization's life: who did what, when, and the status before and after. */
public record HistoryEntry(Instant at, String actor, String action, AuthorizationStatus fromStatus,
        AuthorizationStatus toStatus, String note) {
}

package org.pagateway.model;

/** The seed portal's statuses; only APPROVED and MEDREVIEW may be revised. */
public enum AuthorizationStatus {
    APPROVED, CLOSED, MEDREVIEW, PEND, DENIED;

    public boolean revisable() {
        return this == APPROVED || this == MEDREVIEW;
    }
}

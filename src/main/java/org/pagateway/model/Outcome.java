package org.pagateway.model;

/**
 * What kind of answer a request got. The status says where the authorization stands in the seed's
 * workflow; the outcome says how the gateway got there (a rejection, a vendor redirect or a fax-only service
 * are answers the portal gives without a status of their own).
 */
public enum Outcome {
    /** Decided at once: the profile marks the service as auto-approvable. */
    APPROVED,
    /** Decided at once: outside the member's benefit. */
    DENIED,
    /** Waits for a person: medical necessity review. */
    MEDREVIEW,
    /** Waits: missing documents, the maintenance window, or a part that cannot decide now. */
    PEND,
    /** Not processable as sent: AAA in the 278, field errors in JSON. Nothing is stored. */
    REJECTED,
    /** Carved out to a vendor (sleep studies, outpatient imaging): request it there. */
    REDIRECTED,
    /** The payer takes this service by fax only (individual consideration). */
    FAX_ONLY,
    /** Withdrawn by the provider: a revision that cancels (HCR C). */
    CANCELLED
}

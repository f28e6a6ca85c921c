package org.pagateway.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What a reviewer can do with an authorization waiting for review. */
public enum ReviewAction {
    /** Certify as requested, or for the units and dates given (HCR A1). */
    APPROVE,
    /** Certify something other than what was requested (HCR A6): the units and dates given. */
    MODIFY,
    /** Not certified, with the reason (HCR A3). */
    DENY,
    /** Hold: waiting for information (HCR A4, PEND). */
    PEND,
    /** Send a pended request on to medical review (HCR A4, MEDREVIEW). */
    MEDREVIEW;

    /** "approve" or "APPROVE": reviewers' tools write either. */
    @JsonCreator
    public static ReviewAction of(String value) {
        return value == null ? null : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}

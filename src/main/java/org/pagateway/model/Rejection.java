package org.pagateway.model;

/**
 * One reason a request cannot be processed: the AAA the 278 response carries (AAA03 reject reason, AAA04
 * follow-up action) at its level, and the same as a JSON field error. {@code index} is the service line number
 * (SERVICE) or the position of the servicing provider (EVENT_PROVIDER), 0 elsewhere.
 */
public record Rejection(RejectionLevel level, int index, String reasonCode, String followUp, String field,
        String reason) {

    /** AAA04 C: please correct and resubmit. */
    public static final String CORRECT_AND_RESUBMIT = "C";
    /** AAA04 N: resubmission not allowed. */
    public static final String NO_RESUBMISSION = "N";
}

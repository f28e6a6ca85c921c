package org.pagateway.rules;

import java.util.List;

import org.pagateway.model.Rejection;

/**
 * A revision the payer will not take, with each reason as a {@link Rejection}: a JSON field error and the AAA a 278
 * response carries. The kind says which answer: the status does not allow revisions (409), a corrected procedure
 * code (422 with the seed's instruction), or fields that are missing or wrong (422).
 */
public final class RevisionRefused extends RuntimeException {

    public enum Kind { NOT_REVISABLE, CORRECTED_CODE, INVALID }

    private final Kind kind;
    private final List<Rejection> rejections;

    public RevisionRefused(Kind kind, String message, List<Rejection> rejections) {
        super(message, null, false, false);
        this.kind = kind;
        this.rejections = List.copyOf(rejections);
    }

    public Kind kind() {
        return kind;
    }

    public List<Rejection> rejections() {
        return rejections;
    }
}

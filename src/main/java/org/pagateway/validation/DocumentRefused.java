package org.pagateway.validation;

import org.pagateway.http.Problem.FieldError;

/**
 * A clinical document the gateway will not keep, with the form field at fault and a reason a person can act
 * on. The kind is what an HTTP answer needs: 413 for too large, 415 for a type it does not take, 422 otherwise.
 */
public final class DocumentRefused extends RuntimeException {

    public enum Kind {
        EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, INVALID
    }

    private final Kind kind;
    private final String field;
    private final String reason;

    public DocumentRefused(Kind kind, String field, String reason) {
        super(field + " " + reason);
        this.kind = kind;
        this.field = field;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    public FieldError fieldError() {
        return new FieldError(field, reason);
    }
}

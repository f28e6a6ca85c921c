package org.pagateway.rules;

import java.util.List;

/**
 * A reviewer decision the gateway will not apply: the authorization's status does not allow it (a conflict)
 * or fields of the decision are missing or wrong (each named with its reason).
 */
public final class ReviewRefused extends RuntimeException {

    public enum Kind { CONFLICT, INVALID }

    public record Field(String field, String reason) {
    }

    private final Kind kind;
    private final List<Field> fields;

    public ReviewRefused(Kind kind, String message, List<Field> fields) {
        super(message, null, false, false);
        this.kind = kind;
        this.fields = List.copyOf(fields);
    }

    public Kind kind() {
        return kind;
    }

    public List<Field> fields() {
        return fields;
    }
}

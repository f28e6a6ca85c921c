package org.pagateway.x12;

import java.util.ArrayList;
import java.util.List;

import org.pagateway.model.AuthorizationRequest;
import org.smooks.api.ExecutionContext;
import org.smooks.api.TypedKey;

/**
 * What the StAEDI-backed Smooks reader and the mapping visitors share during one execution: who hears
 * about each transaction, and the requests the mapping produced for the transaction being read.
 */
public final class X12ReadContext {

    static final TypedKey<X12ReadContext> KEY = TypedKey.of("pagateway.x12.readContext");

    private final X12Listener listener;
    private final X12Limits limits;
    private final List<AuthorizationRequest> mapped = new ArrayList<>();

    public X12ReadContext(X12Listener listener) {
        this(listener, X12Limits.DEFAULT);
    }

    public X12ReadContext(X12Listener listener, X12Limits limits) {
        this.listener = listener;
        this.limits = limits;
    }

    public static X12ReadContext of(ExecutionContext context) {
        X12ReadContext readContext = context.get(KEY);
        if (readContext == null) {
            throw new IllegalStateException("no X12ReadContext in the Smooks execution context");
        }
        return readContext;
    }

    void attach(ExecutionContext context) {
        context.put(KEY, this);
    }

    X12Listener listener() {
        return listener;
    }

    X12Limits limits() {
        return limits;
    }

    /** Called by the mapping for each 2000E patient event it finished. */
    public void eventMapped(AuthorizationRequest request) {
        mapped.add(request);
    }

    List<AuthorizationRequest> takeMapped() {
        List<AuthorizationRequest> taken = List.copyOf(mapped);
        mapped.clear();
        return taken;
    }
}

package org.pagateway.store;

/** A request's key is already in received_request: someone answered it first. Nothing of the batch was stored. */
public final class AlreadyReceived extends StoreException {

    public AlreadyReceived(Throwable cause) {
        super("a request of the batch was already received", cause);
    }
}

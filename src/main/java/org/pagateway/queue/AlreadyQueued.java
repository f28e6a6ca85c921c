package org.pagateway.queue;

/**
 * The broker refused a transaction because a message in it was sent before (Artemis' duplicate ID): an authorization
 * of the batch is on its review queue already. Artemis refuses the whole transaction, so the others were not queued.
 */
public final class AlreadyQueued extends QueueException {

    public AlreadyQueued(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.pagateway.queue;

/** The broker could not take a message; whatever was being queued was not. */
public class QueueException extends RuntimeException {

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}

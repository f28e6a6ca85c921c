package org.pagateway.store;

/** The store could not do what was asked; the request was not stored. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

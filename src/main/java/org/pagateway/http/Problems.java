package org.pagateway.http;

import java.util.Map;

import org.pagateway.queue.QueueException;
import org.pagateway.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an HTTP client sees when something inside failed: a problem, never a stack trace. */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    public HttpAnswer forException(Exception exception) {
        if (exception instanceof StoreException || exception instanceof QueueException) {
            LOG.warn("request not taken, a part is down: {}", exception.getMessage());
            return Problem.of(503, "unavailable", "Service unavailable",
                    "The gateway cannot store or queue requests right now; nothing was accepted. Retry later.")
                    .answer(Map.of("Retry-After", "30"));
        }
        // the message may carry request data: the log gets the kind of failure, the stack at DEBUG
        LOG.error("unexpected failure answering an HTTP request: {}", exception.getClass().getName());
        LOG.debug("failure answering an HTTP request", exception);
        return Problem.of(500, "internal", "Internal error",
                "The gateway failed to answer; nothing was accepted. The failure is logged.").answer();
    }
}

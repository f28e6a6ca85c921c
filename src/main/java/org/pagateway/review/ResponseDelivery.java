package org.pagateway.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.pagateway.model.Authorization;
import org.pagateway.model.Channel;
import org.pagateway.queue.AlreadyQueued;
import org.pagateway.queue.QueueException;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.store.AuthorizationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the 278 response of a reviewer's decision where its submitter gets it: the outbound queue, and outbox/ beside
 * the first answers for a request that came as a file. The store marks a decision's response due in the decision's
 * own transaction; {@link #deliver} clears the mark once the response is out, and {@link #sweep} delivers whatever
 * a gateway that died, or a broker that was down, left due. Delivering twice does no harm: the queue message carries
 * a duplicate ID of the response, and the outbox file has the same name and content.
 */
public final class ResponseDelivery {

    /** Where the 278 responses of review decisions go for whoever forwards them to submitters. */
    public static final String OUTBOUND_QUEUE = "outbound.278";

    private static final Logger LOG = LoggerFactory.getLogger(ResponseDelivery.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    /** Younger ones are most likely being delivered by the desk that recorded them right now. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final int BATCH = 100;

    private final AuthorizationStore store;
    private final ReviewQueuePublisher queues;
    private final Path outbox;
    private final Clock clock;

    public ResponseDelivery(AuthorizationStore store, ReviewQueuePublisher queues, Path outbox, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends the decided authorization's response and clears its mark; a QueueException leaves it due. */
    public void deliver(Authorization decided, String response) {
        try {
            queues.send(OUTBOUND_QUEUE, decided.id(), response, decided.id() + "@" + controlNumber(response));
        } catch (AlreadyQueued sentBefore) {
            LOG.debug("the response of {} was on {} already", decided.id(), OUTBOUND_QUEUE);
        }
        if (decided.channel() == Channel.X12_FILE) {
            toOutbox(decided, response);
        }
        store.markResponseDelivered(decided.id(), response);
    }

    /** Delivers every response left due for more than a few seconds; the number delivered. */
    public int sweep() {
        int delivered = 0;
        List<String> due;
        while (!(due = store.responsesDue(clock.instant().minus(GRACE), BATCH)).isEmpty()) {
            int before = delivered;
            for (String id : due) {
                Optional<Authorization> decided = store.find(id);
                Optional<String> response = store.response(id);
                if (decided.isEmpty() || response.isEmpty()) {
                    continue;
                }
                try {
                    deliver(decided.get(), response.get());
                } catch (QueueException e) {
                    LOG.warn("responses of review decisions wait for the broker: {}", e.getMessage());
                    return delivered;
                }
                delivered++;
            }
            if (delivered == before) {
                // nothing of this batch could be delivered: the next pass tries again, this one must not spin
                break;
            }
        }
        if (delivered > 0) {
            LOG.info("delivered {} review decision response(s) left due", delivered);
        }
        return delivered;
    }

    /**
     * outbox/NAME.ID.STAMP.278.x12, written whole under .part first like every outbox file. The stamp is the decision's
     * time, so delivering again writes the same file.
     */
    private void toOutbox(Authorization decided, String response) {
        Instant at = decided.decision().decidedAt() != null ? decided.decision().decidedAt() : decided.createdAt();
        Path target = outbox.resolve(decided.sourceName() + "." + decided.id() + "." + STAMP.format(at) + ".278.x12");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(part, response.getBytes(StandardCharsets.US_ASCII));
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** ISA13 of the response: what tells one response of an authorization from the next. */
    private static String controlNumber(String response) {
        String[] isa = response.substring(0, Math.min(response.length(), 106)).split("\\" + response.charAt(3));
        return isa.length > 13 ? isa[13] : String.valueOf(response.hashCode());
    }
}

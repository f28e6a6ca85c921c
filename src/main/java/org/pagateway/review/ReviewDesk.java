package org.pagateway.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.pagateway.model.Authorization;
import org.pagateway.model.Channel;
import org.pagateway.model.Decision;
import org.pagateway.model.HistoryEntry;
import org.pagateway.model.ReviewDecision;
import org.pagateway.queue.ReviewQueuePublisher;
import org.pagateway.rules.PayerProfile;
import org.pagateway.rules.ReviewRefused;
import org.pagateway.rules.ReviewRules;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.ControlNumbers;
import org.pagateway.x12.ResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a reviewer's decision closes the loop: the new decision is recorded with who and when, its 278 response
 * is kept on the authorization for HTTP clients and sent on the outbound queue, a request that came as a file
 * gets the response in outbox/ beside its first answers, and the authorization leaves its old review queue (or
 * moves to its new one).
 */
public final class ReviewDesk {

    /** Where the 278 responses of review decisions go for whoever forwards them to submitters. */
    public static final String OUTBOUND_QUEUE = "outbound.278";

    private static final Logger LOG = LoggerFactory.getLogger(ReviewDesk.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final AuthorizationStore store;
    private final ReviewQueuePublisher queues;
    private final ControlNumbers controlNumbers;
    private final ReviewRules rules;
    private final PayerProfile profile;
    private final Path outbox;
    private final Clock clock;

    public ReviewDesk(AuthorizationStore store, ReviewQueuePublisher queues, ControlNumbers controlNumbers,
            PayerProfile profile, Path outbox, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.controlNumbers = controlNumbers;
        this.rules = new ReviewRules(profile);
        this.profile = profile;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The decided authorization; empty when there is no such authorization. */
    public Optional<Authorization> decide(String id, ReviewDecision review) {
        Optional<Authorization> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Authorization current = found.get();
        Instant now = clock.instant();
        Decision decision = rules.apply(current, review, now);
        Authorization decided = new Authorization(current.id(), current.channel(), current.sourceName(), current.request(),
                decision, current.createdAt());
        byte[] response = ResponseWriter.decided(decided, controlNumbers.next(), profile.payer().id());
        HistoryEntry entry = new HistoryEntry(now, review.reviewer(), review.action().name(), current.status(),
                decision.status(), review.reason());
        if (!store.decide(id, current.status(), decision, new String(response, StandardCharsets.US_ASCII), entry)) {
            throw new ReviewRefused(ReviewRefused.Kind.CONFLICT,
                    "authorization " + id + " was decided by someone else meanwhile; fetch it and decide again", List.of());
        }
        String was = current.decision().reviewQueue();
        if (was != null && !was.equals(decision.reviewQueue())) {
            queues.withdraw(was, id);
        }
        if (decision.reviewQueue() != null && !decision.reviewQueue().equals(was)) {
            queues.publish(List.of(decided));
        }
        queues.send(OUTBOUND_QUEUE, id, new String(response, StandardCharsets.US_ASCII));
        if (current.channel() == Channel.X12_FILE) {
            toOutbox(decided, response, now);
        }
        LOG.info("{} decided {} -> {} by a reviewer", id, current.status(), decision.status());
        return Optional.of(decided);
    }

    /** outbox/NAME.ID.STAMP.278.x12, written whole under .part first like every outbox file. */
    private void toOutbox(Authorization decided, byte[] response, Instant now) {
        Path target = outbox.resolve(decided.sourceName() + "." + decided.id() + "." + STAMP.format(now) + ".278.x12");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(part, response);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}

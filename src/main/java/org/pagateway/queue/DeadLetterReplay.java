package org.pagateway.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts dead letters back on the queues they failed on: one by its message ID, or all of them. Safe to repeat: a
 * replayed message has left its dead-letter queue, so replaying it again finds nothing; and a dead letter the
 * {@link ReplayCheck} refuses (a review already decided meanwhile) stays where it is, with the reason.
 */
public final class DeadLetterReplay {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
    /** Each pass sees at most the broker's browse page of each queue; enough passes for a large backlog. */
    private static final int MAX_PASSES = 100;

    /** What became of one dead letter: replayed to its original queue, or left with the reason. */
    public record Outcome(long messageId, String authorizationId, String originalQueue, boolean replayed, String reason) {
    }

    private final QueueAdmin admin;
    private final ReplayCheck check;

    public DeadLetterReplay(QueueAdmin admin, ReplayCheck check) {
        this.admin = admin;
        this.check = check;
    }

    /** Empty when no dead letter has that ID (never had, or replayed already). */
    public Optional<Outcome> one(long messageId) {
        return admin.deadLetter(messageId).map(this::replay);
    }

    /** Every dead letter the check allows; the ones it refuses are reported and stay. */
    public List<Outcome> all() {
        List<Outcome> outcomes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean progress = false;
            for (DeadLetter letter : admin.deadLetters()) {
                if (seen.add(letter.messageId())) {
                    Outcome outcome = replay(letter);
                    outcomes.add(outcome);
                    progress |= outcome.replayed();
                }
            }
            if (!progress) {
                break;
            }
        }
        return outcomes;
    }

    private Outcome replay(DeadLetter letter) {
        if (letter.originalQueue() == null) {
            return left(letter, "it carries no original queue (it was not dead-lettered by the broker): nowhere to replay it to");
        }
        Optional<String> refusal = check.refusal(letter);
        if (refusal.isPresent()) {
            return left(letter, refusal.get());
        }
        if (!admin.replay(letter)) {
            return left(letter, "no longer on " + letter.deadLetterQueue() + ": replayed or removed meanwhile");
        }
        // IDs only: the message is an authorization with patient data
        LOG.info("dead letter {} ({}) replayed from {} to {}", letter.messageId(), letter.authorizationId(),
                letter.deadLetterQueue(), letter.originalQueue());
        return new Outcome(letter.messageId(), letter.authorizationId(), letter.originalQueue(), true, null);
    }

    private static Outcome left(DeadLetter letter, String reason) {
        return new Outcome(letter.messageId(), letter.authorizationId(), letter.originalQueue(), false, reason);
    }
}

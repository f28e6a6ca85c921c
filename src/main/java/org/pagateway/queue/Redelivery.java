package org.pagateway.queue;

/**
 * How the broker retries a message its consumer did not acknowledge (a rollback, a crash, a closed session):
 * again after {@code delayMillis}, each wait {@code multiplier} times the one before and never longer than
 * {@code maxDelayMillis}; after {@code maxAttempts} deliveries it goes to its flow's dead-letter queue.
 */
public record Redelivery(long delayMillis, double multiplier, long maxDelayMillis, int maxAttempts) {

    /** 2 s, 4 s, 8 s, 16 s: a reviewer tool that fails five times in half a minute is not going to succeed. */
    public static final Redelivery DEFAULT = new Redelivery(2_000, 2.0, 60_000, 5);

    public Redelivery {
        if (delayMillis < 0 || multiplier < 1.0 || maxDelayMillis < delayMillis || maxAttempts < 1) {
            throw new IllegalArgumentException("redelivery needs delay >= 0, multiplier >= 1, max delay >= delay and"
                    + " at least one attempt: " + delayMillis + ", " + multiplier + ", " + maxDelayMillis + ", " + maxAttempts);
        }
    }
}

package org.pagateway.queue;

import java.time.Instant;

/**
 * A message on a dead-letter (or expiry) queue, described without its body: the body is an authorization with
 * patient data, and operations need none of it to decide what to replay.
 *
 * @param messageId the broker's ID of the message where it lies now; what a replay names
 * @param deadLetterQueue where it lies (DLQ.review, DLQ.outbound, DLQ, ExpiryQueue)
 * @param authorizationId the gateway's authorization it is about, when it carries one
 * @param originalQueue the queue it failed on, where a replay puts it back
 * @param deliveryCount how often it was delivered before the broker gave up on it; null when it expired instead
 * @param reason why it is here, as far as the broker tells
 * @param timestamp when it was first sent
 */
public record DeadLetter(long messageId, String deadLetterQueue, String authorizationId, String originalQueue,
        String originalAddress, Integer deliveryCount, String reason, Instant timestamp) {
}

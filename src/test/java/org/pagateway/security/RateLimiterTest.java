package org.pagateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket, on a clock the test moves. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstThenTheRateAndEachClientHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(2, 3, now::get);
        assertEquals(0, limiter.take("a"));
        assertEquals(0, limiter.take("a"));
        assertEquals(0, limiter.take("a"));
        assertEquals(1, limiter.take("a"), "the burst is spent: back in a second (Retry-After rounds up)");
        assertEquals(0, limiter.take("b"), "another client is not held back by the first");

        now.addAndGet(500_000_000L);
        assertEquals(0, limiter.take("a"), "half a second at 2/s gives one token");
        assertEquals(1, limiter.take("a"));

        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.take("a"), "a long pause refills no more than the burst");
        }
        assertEquals(1, limiter.take("a"));
    }

    @Test
    void aSlowRateSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(0.1, 1, now::get);
        assertEquals(0, limiter.take("a"));
        assertEquals(10, limiter.take("a"));
        now.addAndGet(4_000_000_000L);
        assertEquals(6, limiter.take("a"));
    }

    @Test
    void rateZeroIsNoLimit() {
        RateLimiter limiter = new RateLimiter(0, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, limiter.take("a"));
        }
    }
}

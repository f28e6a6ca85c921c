package org.pagateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. A small class rather than
 * a library (Bucket4j): one gateway's buckets live in its memory, the whole algorithm is the 15 lines of
 * {@link Bucket#take}, and several gateways behind a load balancer each hold a client to the rate (so a client may
 * reach N times the rate across N gateways; shared buckets would need the database or a cache on every call).
 * Clients come from the keys file, so the map holds at most one bucket per client there.
 */
public final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code perSecond} 0 (or less): no limit. */
    public RateLimiter(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    /** With the clock the buckets refill by, so a test can move time. */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    /** Takes a token for the client: 0 when it may go on, else the whole seconds until it may try again (Retry-After). */
    public long take(String client) {
        if (perSecond <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, now)).take(now, perSecond, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}

package org.pagateway.x12;

/**
 * How much X12 one input may hold before the rest is refused instead of read: segments per transaction set (a set over
 * it is rejected in its 999 with IK304 5 at the first segment too many, and nothing more of it is mapped or recorded)
 * and per interchange (the input is read no further; TA1 024, R when nothing of it was processed yet, else E).
 * They bound what one set costs in memory and what one interchange costs in time, for files and HTTP alike.
 */
public record X12Limits(int setSegments, long interchangeSegments) {

    /** As application.properties ships them: far above any real 278, and above a 100 MB batch in one interchange. */
    public static final X12Limits DEFAULT = new X12Limits(10_000, 5_000_000);

    public X12Limits {
        if (setSegments < 1 || interchangeSegments < 1) {
            throw new IllegalArgumentException("X12 segment limits are at least 1");
        }
    }
}

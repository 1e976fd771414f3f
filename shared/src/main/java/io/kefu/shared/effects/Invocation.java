package io.kefu.shared.effects;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long the current invocation may still run, on the functions' clock: the Lambda context's remaining
 * time added to {@code clock.instant()} when the handler is entered. Leases end at this deadline (Powertools'
 * in-progress expiry): once the invocation is gone, whoever comes next may take over.
 */
public record Invocation(Instant deadline) {
    /** The template's function Timeout: what a caller without a Lambda context (a unit test) gets. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public static Invocation remaining(Clock clock, long remainingMillis) {
        return new Invocation(clock.instant().plusMillis(Math.max(0, remainingMillis)));
    }

    /** For callers that have no Lambda context (tests, the CLI): a full default timeout from now. */
    public static Invocation fresh(Clock clock) {
        return new Invocation(clock.instant().plus(DEFAULT_TIMEOUT));
    }

    public Duration remaining(Instant now) {
        return now.isAfter(deadline) ? Duration.ZERO : Duration.between(now, deadline);
    }

    /** A new lease owned by this attempt, ending with the invocation (never before {@code now}). */
    public Lease lease(Instant now) {
        return Lease.until(deadline.isBefore(now) ? now : deadline);
    }
}

package io.kefu.local.stack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to: the local runtime fires schedules from it and hands it to every
 * handler it builds; tests use it to "advance time" (a survey due in 3 days) without waiting.
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static ManualClock at(Instant start) {
        return new ManualClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** Starts at the current wall-clock time, truncated to the second. */
    public static ManualClock startingNow() {
        return at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        return now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /** {@link #set(Instant)} from ISO-8601 text, for readable tests. */
    public void set(String iso) {
        set(Instant.parse(iso));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ManualClock(now, other);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}

package io.kefu.shared.contract;

import io.kefu.shared.json.InvalidMessageException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one place for plausibility bounds of times in messages. Absolute: before 2000 (an epoch 0 from a null
 * somewhere) or from 2100 on (a typo, a "never" sentinel). Relative to the receiving function's clock (the
 * {@code Clock} in its Environment, passed to the contract as {@code now}): something that happened (a chat
 * message, a carrier scan, a survey's subject, an answer) may be at most {@link #MAX_AHEAD} ahead of it, and
 * something planned (a carrier ETA, a promised delivery date) at most {@link #MAX_PLANNED_AHEAD}. Without the
 * relative bound one event dated 2090 makes every later real event of that order look stale, and a chat dated
 * 2099 holds that customer's surveys until 2100. Two days of slack: clock skew and a producer that labels a
 * Shanghai time as UTC (8 hours) are well inside it, and so are the test rigs and the demo, which send a parcel's
 * whole journey (25 hours of scans) at one clock reading. Tighten it here, and only here, once they advance the
 * clock between scans.
 */
final class ContractTimes {
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    static final Duration MAX_AHEAD = Duration.ofDays(2);
    static final Duration MAX_PLANNED_AHEAD = Duration.ofDays(366);

    private ContractTimes() {}

    /** A time something happened: within the absolute range and not more than {@link #MAX_AHEAD} after {@code now}. */
    static String happenedProblem(Instant value, Instant now) {
        String absolute = absoluteProblem(value);
        if (absolute != null) {
            return absolute;
        }
        Instant latest = now.plus(MAX_AHEAD);
        return value.isAfter(latest) ? "in the future: " + value + " is more than " + MAX_AHEAD.toHours()
                + " hours after now (" + now + ")" : null;
    }

    static void happened(String field, Instant value, Instant now) {
        if (value != null) {
            fail(field, happenedProblem(value, now));
        }
    }

    /** A time something is planned for: within the absolute range and not more than a year ahead of {@code now}. */
    static void planned(String field, Instant value, Instant now) {
        if (value == null) {
            return;
        }
        fail(field, absoluteProblem(value));
        if (value.isAfter(now.plus(MAX_PLANNED_AHEAD))) {
            fail(field, "too far ahead: " + value + " is more than " + MAX_PLANNED_AHEAD.toDays() + " days after now (" + now + ")");
        }
    }

    static void planned(String field, LocalDate value, Instant now) {
        if (value != null) {
            planned(field, value.atStartOfDay(ZoneOffset.UTC).toInstant(), now);
        }
    }

    private static String absoluteProblem(Instant value) {
        return value.isBefore(EARLIEST) || !value.isBefore(LATEST)
                ? "out of range: " + value + " (accepted " + EARLIEST + " to " + LATEST + ")" : null;
    }

    private static void fail(String field, String problem) {
        if (problem != null) {
            throw new InvalidMessageException(field, problem);
        }
    }
}

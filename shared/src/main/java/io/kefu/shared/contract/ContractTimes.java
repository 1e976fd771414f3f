package io.kefu.shared.contract;

import io.kefu.shared.json.InvalidMessageException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Plausibility bounds for times in messages. Contracts have no clock, so the bounds are fixed: a time before
 * 2000 (an epoch 0 from a null somewhere) or from 2100 on (a typo, a "never" sentinel) is a producer bug that
 * would otherwise schedule surveys decades away or make an event look newer than every real one forever.
 */
final class ContractTimes {
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private ContractTimes() {}

    static void inRange(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(LATEST))) {
            throw new InvalidMessageException(field, "out of range: " + value + " (accepted " + EARLIEST + " to " + LATEST + ")");
        }
    }

    static void inRange(String field, LocalDate value) {
        if (value != null && (value.getYear() < 2000 || value.getYear() >= 2100)) {
            throw new InvalidMessageException(field, "out of range: " + value + " (accepted years 2000-2099)");
        }
    }
}

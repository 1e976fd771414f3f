package io.kefu.shared.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Fixed-width UTC time text for sort keys and conditions compared as strings in DynamoDB.
 * {@code Instant.toString()} drops zero fractions, so "10:00:00Z" would sort after "10:00:00.5Z";
 * this always writes milliseconds.
 */
public final class SortableTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SortableTime() {}

    public static String format(Instant at) {
        return FORMAT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

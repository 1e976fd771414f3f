package io.kefu.shared.domain.care;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Fixed-width time strings for keys compared as text in DynamoDB conditions and sort keys.
 * {@code Instant.toString()} drops zero fractions, so "10:00:00Z" would sort after "10:00:00.5Z".
 */
public final class Times {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    public static String fixed(Instant at) {
        return FIXED.format(at);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}

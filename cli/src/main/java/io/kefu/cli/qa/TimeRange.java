package io.kefu.cli.qa;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `--since 30d` / `--since 2w` / `--since 12h` / `--since 2026-11-01` (a day in the shop's zone) and `--until`. */
final class TimeRange {
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)([hdw])");

    private TimeRange() {}

    /** A start: relative to now, or the start of a day, or an instant. */
    static Instant start(String text, Instant now, ZoneId zone) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        }
        return Instant.parse(text.trim());
    }

    /** An end (exclusive): a day means the end of that day. */
    static Instant end(String text, Instant now, ZoneId zone) {
        if (text == null) {
            return now;
        }
        String t = text.trim();
        if (t.length() == 10) {
            return LocalDate.parse(t).plusDays(1).atStartOfDay(zone).toInstant();
        }
        return start(t, now, zone);
    }
}

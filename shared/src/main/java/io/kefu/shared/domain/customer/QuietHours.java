package io.kefu.shared.domain.customer;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window, in the customer's own time zone, when nothing proactive is delivered. The window
 * may cross midnight (22:00-08:00). Messages due inside it are deferred to its end, never dropped.
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    public QuietHours {
        if (start == null || end == null) {
            throw new IllegalArgumentException("quiet hours need a start and an end");
        }
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    public boolean contains(LocalTime time) {
        if (isEmpty()) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        // Crosses midnight: quiet from start to 24:00 and from 00:00 to end.
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code at} itself when outside the window, else the instant the window ends in {@code zone}. */
    public Instant nextAllowed(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return at;
        }
        ZonedDateTime end = local.with(this.end);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        // A DST gap can move the wall-clock end; atZone already resolved it to a valid instant.
        return end.toInstant();
    }

    /** Parses "22:00-08:00"; "none" or blank means no quiet hours. */
    public static QuietHours parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("none")) {
            return NONE;
        }
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours must look like 22:00-08:00, got " + text);
        }
        return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    }

    public String format() {
        return isEmpty() ? "none" : start + "-" + end;
    }
}

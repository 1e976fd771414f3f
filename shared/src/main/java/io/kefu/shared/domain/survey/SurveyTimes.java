package io.kefu.shared.domain.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times as index sort keys. {@code Instant.toString()} drops zero fractions ("...:00Z" vs
 * "...:00.500Z") and so does not sort as text; this fixed millisecond format does.
 */
public final class SurveyTimes {
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SurveyTimes() {}

    public static String sortable(Instant instant) {
        return SORTABLE.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static LocalDate reportingDay(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}

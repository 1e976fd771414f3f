package io.kefu.local.runtime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)} or {@code cron(0/15 8-17 ? * MON-FRI *)} (UTC).
 * Rates count from when the rule was created (here: when the runtime started); {@code L}, {@code W} and
 * {@code #} in cron fields are not supported.
 */
public sealed interface ScheduleExpression {

    /** The first fire time strictly after {@code after}. */
    Instant next(Instant after);

    static ScheduleExpression parse(String expression) {
        String text = expression.trim();
        Matcher rate = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)").matcher(text);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            ChronoUnit unit = switch (rate.group(2)) {
                case "minute", "minutes" -> ChronoUnit.MINUTES;
                case "hour", "hours" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return new Rate(Duration.of(value, unit));
        }
        Matcher cron = Pattern.compile("cron\\((.+)\\)").matcher(text);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("cron needs 6 fields (min hour day-of-month month day-of-week year): " + text);
            }
            return new Cron(field(fields[0], 0, 59, List.of()), field(fields[1], 0, 23, List.of()),
                    field(fields[2], 1, 31, List.of()), field(fields[3], 1, 12, MONTHS),
                    field(fields[4], 1, 7, DAYS), field(fields[5], 1970, 2199, List.of()),
                    fields[2].equals("?"), fields[4].equals("?"));
        }
        throw new IllegalArgumentException("not a schedule expression: " + text);
    }

    /** Fires every {@code period}, counted from an anchor (the runtime's start). */
    record Rate(Duration period) implements ScheduleExpression {
        @Override
        public Instant next(Instant after) {
            return after.plus(period);
        }
    }

    record Cron(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years,
                boolean anyDayOfMonth, boolean anyDayOfWeek) implements ScheduleExpression {
        @Override
        public Instant next(Instant after) {
            LocalDateTime start = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            LocalDate day = start.toLocalDate();
            for (int i = 0; i < 366 * 5; i++, day = day.plusDays(1)) {
                if (!dayMatches(day)) {
                    continue;
                }
                for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                    for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                        LocalDateTime candidate = day.atTime(h, m);
                        if (!candidate.isBefore(start)) {
                            return candidate.toInstant(ZoneOffset.UTC);
                        }
                    }
                }
            }
            throw new IllegalStateException("cron never fires within 5 years of " + after);
        }

        private boolean dayMatches(LocalDate day) {
            if (!years.get(day.getYear()) || !months.get(day.getMonthValue())) {
                return false;
            }
            int dow = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : day.getDayOfWeek().getValue() + 1; // AWS: 1 = SUN
            boolean domOk = anyDayOfMonth || daysOfMonth.get(day.getDayOfMonth());
            boolean dowOk = anyDayOfWeek || daysOfWeek.get(dow);
            return domOk && dowOk;
        }
    }

    List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private static BitSet field(String text, int min, int max, List<String> names) {
        BitSet bits = new BitSet();
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            if (part.matches(".*(\\d|^)L.*|.*\\dW|.*#.*")) {
                throw new IllegalArgumentException("cron field '" + text + "': L, W and # are not supported locally");
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-");
                from = value(ends[0], min, names);
                to = value(ends[1], min, names);
            } else {
                from = value(range, min, names);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String text, int min, List<String> names) {
        int index = names.indexOf(text);
        return index >= 0 ? index + min : Integer.parseInt(text);
    }
}

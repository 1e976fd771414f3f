package io.kefu.shared.domain.qa;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The due time a promise states ("24小时内", "明天", "by Friday"), read from the agent's sentence relative to
 * when it was written, in the shop's time zone; empty when the sentence names none (the rule's default applies).
 * A day ("明天", "Friday") is due at the end of that day.
 */
final class PromiseDue {
    private static final String NUMBER = "(\\d+|[一二两三四五六七八九十半]+)";
    private static final Pattern ZH_WITHIN = Pattern.compile(NUMBER + "\\s*(个)?\\s*(小时|分钟|天|个工作日|工作日|日)");
    private static final Pattern EN_WITHIN = Pattern.compile(
            "(?:within|in|next)\\s+(\\d+|an?|one|two|three|four|five|twenty-four|twenty four|48|72)\\s*(hours?|hrs?|minutes?|mins?|days?|business days?|working days?)\\b");
    private static final Pattern ZH_WEEKDAY = Pattern.compile("(?:周|星期|礼拜)([一二三四五六日天])");
    private static final Pattern EN_WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final long MAX_SPAN_MINUTES = 366L * 24 * 60;
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    /** 中午十二点, 下午3点, 晚上8点: the time of day a named day is due at (otherwise its end). */
    private static final Pattern ZH_CLOCK = Pattern.compile("(上午|早上|中午|下午|晚上)?(\\d{1,2}|[一二两三四五六七八九十]{1,3})点");

    private PromiseDue() {}

    static Optional<Instant> parse(String sentence, Instant at, ZoneId zone) {
        if (sentence == null || sentence.isBlank()) {
            return Optional.empty();
        }
        String s = sentence.toLowerCase(Locale.ROOT);
        ZonedDateTime local = at.atZone(zone);
        // each pattern runs only where a word it cannot match without is present (every Chinese unit has 时, 钟,
        // 天 or 日; every English unit hour, hr, min or day; every weekday "day"): most promises name no time
        Matcher m = ZH_WITHIN.matcher(s);
        if (hasAny(s, "时钟天日") && m.find()) {
            Double n = zhNumber(m.group(1));
            if (n != null) {
                return span(n, m.group(3)).map(at::plus);
            }
        }
        m = EN_WITHIN.matcher(s);
        boolean day = s.contains("day");
        if ((day || s.contains("hour") || s.contains("hr") || s.contains("min")) && m.find()) {
            Double n = enNumber(m.group(1));
            if (n != null) {
                return span(n, m.group(2)).map(at::plus);
            }
        }
        if (s.contains("后天") || s.contains("day after tomorrow")) {
            return Optional.of(at(local.plusDays(2), s));
        }
        if (s.contains("明天") || s.contains("明日") || s.contains("tomorrow")) {
            return Optional.of(at(local.plusDays(1), s));
        }
        m = ZH_WEEKDAY.matcher(s);
        if ((s.indexOf('周') >= 0 || s.contains("星期") || s.contains("礼拜")) && m.find()) {
            // 周一 .. 周六 = 1 .. 6; 周日 / 星期天 = 7
            return Optional.of(weekday(local, DayOfWeek.of(Math.min(7, "一二三四五六日天".indexOf(m.group(1)) + 1))));
        }
        m = EN_WEEKDAY.matcher(s);
        if (day && m.find()) {
            return Optional.of(weekday(local, DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT))));
        }
        if (s.contains("今天") || s.contains("今日") || s.contains("today") || s.contains("end of the day")
                || s.contains("下班前")) {
            return Optional.of(endOfDay(local));
        }
        return Optional.empty();
    }

    /** That day at the clock time the sentence names, else at its end. */
    private static Instant at(ZonedDateTime day, String s) {
        Matcher m = ZH_CLOCK.matcher(s);
        if (s.indexOf('点') >= 0 && m.find()) {
            Double hour = zhNumber(m.group(2));
            if (hour != null && hour >= 0 && hour <= 24) {
                int h = hour.intValue();
                String part = m.group(1);
                if (("下午".equals(part) || "晚上".equals(part)) && h < 12) {
                    h += 12;
                }
                return day.with(h == 24 ? END_OF_DAY : LocalTime.of(h, 0)).toInstant();
            }
        }
        return endOfDay(day);
    }

    private static boolean hasAny(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Instant weekday(ZonedDateTime local, DayOfWeek day) {
        return endOfDay(local.with(TemporalAdjusters.nextOrSame(day)));
    }

    private static Instant endOfDay(ZonedDateTime day) {
        return day.with(END_OF_DAY).toInstant();
    }

    /** Empty beyond a year: "99999999999999小时" is no due time (and would overflow an Instant), the default applies. */
    private static Optional<Duration> span(double n, String unit) {
        long minutes;
        if (unit.startsWith("小时") || unit.startsWith("h")) {
            minutes = Math.round(n * 60);
        } else if (unit.startsWith("分钟") || unit.startsWith("min")) {
            minutes = Math.round(n);
        } else {
            minutes = Math.round(n * 24 * 60); // days; working days counted as days (a due date, not a calendar)
        }
        return minutes > MAX_SPAN_MINUTES ? Optional.empty() : Optional.of(Duration.ofMinutes(Math.max(1, minutes)));
    }

    private static Double zhNumber(String text) {
        if (Character.isDigit(text.charAt(0))) {
            return Double.parseDouble(text);
        }
        if (text.equals("半")) {
            return 0.5;
        }
        String digits = "零一二三四五六七八九";
        int value = 0;
        int current = 0;
        for (char c : text.toCharArray()) {
            if (c == '十') {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '两') {
                current = 2;
            } else if (digits.indexOf(c) >= 0) {
                current = digits.indexOf(c);
            } else {
                return null;
            }
        }
        return (double) (value + current);
    }

    private static Double enNumber(String text) {
        return switch (text) {
            case "a", "an", "one" -> 1.0;
            case "two" -> 2.0;
            case "three" -> 3.0;
            case "four" -> 4.0;
            case "five" -> 5.0;
            case "twenty-four", "twenty four" -> 24.0;
            default -> Double.parseDouble(text);
        };
    }
}

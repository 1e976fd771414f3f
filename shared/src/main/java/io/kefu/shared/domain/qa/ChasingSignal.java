package io.kefu.shared.domain.qa;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chasing stated in numbers, read on the raw customer sentence: how often the customer has already
 * contacted or asked (问过两次了, 打了三次电话, "I've called 4-5 times") and how long they have been waiting
 * (十多天了, 一个星期了, "for 3 weeks"). A count of 2 or more contacts, or a wait of a week or more, is a
 * strong sign; a shorter stated wait is weak. Policy figures (7天无理由, "valid for 30 days") are not waits:
 * the zh wait must end in 了 (一个星期了) and count days, weeks or months (个月: 11月了 is a date), the en one must
 * follow a waiting or contact verb ("waited for 3 weeks", "it's been 3 months"); trying to fix something 3 times is
 * no contact, trying to call is. 都六天了 ("six days already") is the exasperated wait: strong from two days.
 */
final class ChasingSignal {
    private static final String ZH_NUMBER = "[0-9一两二三四五六七八九十百几多好半]+";
    private static final Pattern ZH_CONTACTS = Pattern.compile(
            "(问|打|联系|找|催|反馈|咨询|申请|投诉|来)(过|了)?(电话)?(" + ZH_NUMBER + ")(次|遍|回)");
    private static final Pattern EN_CONTACTS = Pattern.compile(
            "(?i)\\b(called|contacted|asked|emailed|messaged|tweeted|chatted|phoned|rang|reached out|complained|"
                    + "tried (?:calling|phoning|ringing|contacting|emailing|messaging|leaving|getting through|reaching))"
                    + "\\b[^.!?]{0,40}?\\b(\\d+(?:\\s*-\\s*\\d+)?|two|three|four|five|six|several|multiple|many|numerous)\\s+times\\b");
    private static final Pattern ZH_WAIT = Pattern.compile(
            "(" + ZH_NUMBER + ")(天|周|个?星期|个?礼拜|个月)(多)?了");
    private static final Pattern EN_WAIT = Pattern.compile(
            "(?i)\\b(waiting|waited|wait|called|calling|chasing|trying|tried|contacted|emailing|messaging|been)\\s+(for\\s+|over\\s+|almost\\s+|nearly\\s+)*"
                    + "(\\d+|a|one|two|three|four|five|six|several|many)\\s+(days?|weeks?|months?)\\b");

    enum Strength { NONE, WEAK, STRONG }

    record Chase(Strength strength, String evidence) {
        static final Chase NONE = new Chase(Strength.NONE, null);
    }

    private ChasingSignal() {}

    static Chase read(String raw) {
        // each pattern is tried only when the word it cannot match without is in the sentence: most sentences
        // state no count and no wait, and the four regexes were a fifth of the scorer's time on the sample chats
        boolean zhCount = has(raw, '次') || has(raw, '遍') || has(raw, '回');
        Matcher m;
        if (zhCount) {
            m = ZH_CONTACTS.matcher(raw);
            while (m.find()) {
                if (zhAtLeast(m.group(4), 2)) {
                    return new Chase(Strength.STRONG, m.group());
                }
            }
        }
        if (containsIgnoreCase(raw, "times")) {
            m = EN_CONTACTS.matcher(raw);
            if (m.find()) {
                return new Chase(Strength.STRONG, m.group());
            }
        }
        Chase wait = Chase.NONE;
        boolean zhWait = has(raw, '了') && (has(raw, '天') || has(raw, '周') || has(raw, '期') || has(raw, '拜') || has(raw, '月'));
        m = zhWait ? ZH_WAIT.matcher(raw) : null;
        while (m != null && m.find()) {
            boolean week = !m.group(2).equals("天") || zhAtLeast(m.group(1), 7);
            // 都六天了: "it has been six days already", the exasperated form of the wait
            boolean already = m.start() > 0 && raw.charAt(m.start() - 1) == '都';
            if (week || already && zhAtLeast(m.group(1), 2)) {
                return new Chase(Strength.STRONG, m.group());
            }
            if (zhAtLeast(m.group(1), 2)) {
                wait = new Chase(Strength.WEAK, m.group());
            }
        }
        boolean enWait = containsIgnoreCase(raw, "day") || containsIgnoreCase(raw, "week") || containsIgnoreCase(raw, "month");
        m = enWait ? EN_WAIT.matcher(raw) : null;
        while (m != null && m.find()) {
            String unit = m.group(4).toLowerCase();
            if (!unit.startsWith("day") || enNumber(m.group(3)) >= 7) {
                return new Chase(Strength.STRONG, m.group());
            }
            if (enNumber(m.group(3)) >= 2 && wait.strength() == Strength.NONE) {
                wait = new Chase(Strength.WEAK, m.group());
            }
        }
        return wait;
    }

    private static boolean has(String raw, char c) {
        return raw.indexOf(c) >= 0;
    }

    /** ASCII case-insensitive search without lower-casing a copy of the sentence. */
    static boolean containsIgnoreCase(String raw, String lowerWord) {
        int n = lowerWord.length();
        char first = lowerWord.charAt(0);
        char upper = Character.toUpperCase(first);
        for (int i = 0; i + n <= raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c == first || c == upper) && raw.regionMatches(true, i + 1, lowerWord, 1, n - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Chinese or Arabic count is at least {@code n}; 几 / 多 / 好 ("several") count as 3, 十 as 10. */
    private static boolean zhAtLeast(String number, int n) {
        return zhValue(number) >= n;
    }

    static int zhValue(String number) {
        if (number.chars().allMatch(Character::isDigit)) {
            return number.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(number);
        }
        if (number.contains("十") || number.contains("百")) {
            return 10;
        }
        if (number.startsWith("半")) {
            return 0; // 半个月 is handled by its unit; 半天 is no count
        }
        int value = 0;
        for (char c : number.toCharArray()) {
            value = Math.max(value, switch (c) {
                case '两', '二' -> 2;
                case '三' -> 3;
                case '一' -> 1;
                case '四' -> 4;
                case '五' -> 5;
                case '六' -> 6;
                case '七' -> 7;
                case '八' -> 8;
                case '九' -> 9;
                case '几', '多', '好' -> 3;
                default -> Character.isDigit(c) ? c - '0' : 0;
            });
        }
        return value;
    }

    private static int enNumber(String word) {
        return switch (word.toLowerCase()) {
            case "a", "one" -> 1;
            case "two" -> 2;
            case "three", "several", "many" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            default -> word.chars().allMatch(Character::isDigit) && word.length() < 6 ? Integer.parseInt(word) : 0;
        };
    }
}

package io.kefu.shared.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks personal data in chat text: Chinese mobile numbers (in common spacings), landlines,
 * 18-digit resident ID numbers (date and check digit verified), bank cards (Luhn verified), emails
 * and street addresses (zh and en).
 *
 * <p>Pure and stateless. Order and tracking numbers must survive: long digit runs are only redacted
 * when their own checksum says they are an ID or a card, and not when the text right before them
 * says they are an order or waybill number; numbers glued to letters (SF1234..., JD...) never match.
 */
public final class PiiRedactor {
    // Digit runs must not continue into other digits or letters (tracking numbers like SF1234567890123).
    private static final String NOT_AFTER = "(?<![0-9A-Za-z])";
    private static final String NOT_BEFORE = "(?![0-9A-Za-z])";

    private static final Pattern MOBILE = Pattern.compile(
            NOT_AFTER + "(?:\\+?86[-\\s]?)?1[3-9]\\d[-\\s]?\\d{4}[-\\s]?\\d{4}" + NOT_BEFORE);
    private static final Pattern LANDLINE = Pattern.compile(
            NOT_AFTER + "(?:\\(0\\d{2,3}\\)\\s?|0\\d{2,3}[-\\s])\\d{7,8}" + NOT_BEFORE);
    private static final Pattern ID_NUMBER = Pattern.compile(
            NOT_AFTER + "[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]" + NOT_BEFORE);
    // Chinese bank cards are 16 (credit) or 19 (UnionPay debit) digits; 18 would collide with ID-shaped codes.
    private static final Pattern CARD = Pattern.compile(
            NOT_AFTER + "(?:\\d{4}[-\\s]?){3}\\d{4}(?:[-\\s]?\\d{3})?" + NOT_BEFORE);
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern ADDRESS_ZH = Pattern.compile(
            "(?:[\\u4e00-\\u9fa5]{2,7}?(?:省|自治区|市|区|县|镇|乡))*[\\u4e00-\\u9fa5\\d]{1,10}?"
                    + "(?:路|街|大道|巷|弄|胡同|里)\\s?\\d{1,5}\\s?[号號](?:[\\u4e00-\\u9fa5\\dA-Za-z\\-]{0,10}?(?:室|栋|楼|单元|层|號|号))*");
    private static final Pattern ADDRESS_EN = Pattern.compile(
            "\\b\\d{1,5}\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct)\\b\\.?"
                    + "(?:,?\\s*(?:Apt|Suite|Unit|#)\\s*\\w+)?");
    // Words that say the number after them is an order/waybill number, not a card or ID.
    private static final Pattern ORDER_CONTEXT = Pattern.compile(
            "(订单|單號|单号|运单|運單|快递|快遞|物流|order|tracking|waybill|no\\.|#)\\s*[:：]?\\s*(号|號|编号|number)?\\s*[:：]?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private PiiRedactor() {}

    /** Text with every recognised piece of personal data replaced by its kind's token. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return redact(text, find(text));
    }

    /** {@link #redact(String)} with the matches {@link #find} already returned for this text (no second scan). */
    public static String redact(String text, List<PiiMatch> matches) {
        if (text == null || matches.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PiiMatch m : matches) {
            out.append(text, at, m.start()).append(m.kind().token());
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    public static boolean containsPii(String text) {
        return !find(text).isEmpty();
    }

    /** Non-overlapping matches, left to right; when two overlap the earlier (then longer) one wins. */
    public static List<PiiMatch> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        // Cheap screening first: every kind needs digits or an '@', most chat lines have neither,
        // and the scorer calls this on every agent reply.
        // Besides counting digits, measure the longest run of consecutive digits and the longest group of
        // digits joined by single '-'/whitespace separators: a mobile needs a group of 11, a card one of 16,
        // a landline a run of 7 (after its area code), an ID a run of 17. Order numbers, prices and times
        // ("2026-11-28 10:00", "¥399") then skip the regexes.
        if (!anyDigitOrAt(text)) {
            return List.of(); // most chat lines: one tight loop, nothing else
        }
        int digits = 0;
        int run = 0;
        int longestRun = 0;
        int group = 0;
        int longestGroup = 0;
        boolean at = false;
        boolean houseNumber = false;
        boolean digitThenSpace = false;
        boolean digitSpacesCapital = false;
        boolean landline = false;
        boolean street = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                run++;
                group++;
                longestRun = Math.max(longestRun, run);
                longestGroup = Math.max(longestGroup, group);
                // LANDLINE's 7-8 subscriber digits follow "0xx-", "0xx " or "(0xx)": a run after -, ) or whitespace.
                landline |= run == 7 && i >= 7 && (isSeparator(text.charAt(i - 7)) || text.charAt(i - 7) == ')');
                if (i + 1 < text.length() && isRegexSpace(text.charAt(i + 1))) {
                    digitThenSpace |= text.charAt(i + 1) == ' ';
                    // ADDRESS_EN: "\\d{1,5}\\s+[A-Z]..." needs a capital after the spaces ("12 Baker Street").
                    int j = i + 1;
                    while (j < text.length() && isRegexSpace(text.charAt(j))) {
                        j++;
                    }
                    digitSpacesCapital |= j < text.length() && text.charAt(j) >= 'A' && text.charAt(j) <= 'Z';
                }
                continue;
            }
            // A single separator between two digits keeps the group going ("138 1234 5678", "6222-0200-...").
            boolean joins = run > 0 && isSeparator(c) && i + 1 < text.length()
                    && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9';
            run = 0;
            if (!joins) {
                group = 0;
            }
            if (c == '@') {
                at = true;
            } else if (c == '号' || c == '號') {
                // ADDRESS_ZH ends its street part in "\\d{1,5}\\s?[号號]": the 号 must follow a digit (or digit + space).
                houseNumber |= i >= 1 && isDigit(text.charAt(i - 1))
                        || i >= 2 && isRegexSpace(text.charAt(i - 1)) && isDigit(text.charAt(i - 2));
            } else if (c == '路' || c == '街' || c == '道' || c == '巷' || c == '弄' || c == '同' || c == '里') {
                street = true;
            }
        }
        if (digits == 0 && !at) {
            return List.of();
        }
        List<PiiMatch> all = new ArrayList<>();
        if (at) {
            collect(text, EMAIL, PiiKind.EMAIL, all);
        }
        if (longestGroup >= 11) {
            collect(text, MOBILE, PiiKind.MOBILE, all);
        }
        if (landline) {
            collect(text, LANDLINE, PiiKind.LANDLINE, all);
        }
        if (longestRun >= 17) {
            collectChecked(text, ID_NUMBER, PiiKind.ID_NUMBER, all);
        }
        if (longestGroup >= 16) {
            collectChecked(text, CARD, PiiKind.BANK_CARD, all);
        }
        if (digits > 0) {
            // "订单号 2026..." has 号 and digits; only a street word makes it worth the address pattern.
            if (houseNumber && street) {
                collect(text, ADDRESS_ZH, PiiKind.ADDRESS, all);
            }
            if (digitThenSpace && digitSpacesCapital) {
                collect(text, ADDRESS_EN, PiiKind.ADDRESS, all);
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        all.sort(Comparator.comparingInt(PiiMatch::start).thenComparing(m -> -(m.end() - m.start())));
        List<PiiMatch> kept = new ArrayList<>();
        int end = -1;
        for (PiiMatch m : all) {
            if (m.start() >= end) {
                kept.add(m);
                end = m.end();
            }
        }
        return kept;
    }

    /** {@code [-\\s]} of the digit patterns: '-' or a regex whitespace character ({@code [ \\t\\n\\x0B\\f\\r]}). */
    private static boolean isSeparator(char c) {
        return c == '-' || isRegexSpace(c);
    }

    private static boolean anyDigitOrAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '@') {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static void collect(String text, Pattern pattern, PiiKind kind, List<PiiMatch> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(new PiiMatch(kind, m.start(), m.end()));
        }
    }

    private static void collectChecked(String text, Pattern pattern, PiiKind kind, List<PiiMatch> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (afterOrderWord(text, m.start())) {
                continue;
            }
            String digits = m.group().replaceAll("[-\\s]", "");
            boolean valid = kind == PiiKind.ID_NUMBER ? idCheckDigitValid(digits) : luhnValid(digits);
            if (valid) {
                into.add(new PiiMatch(kind, m.start(), m.end()));
            }
        }
    }

    private static boolean afterOrderWord(String text, int start) {
        String before = text.substring(Math.max(0, start - 14), start);
        return ORDER_CONTEXT.matcher(before).find();
    }

    /** GB 11643: weighted sum of the first 17 digits mod 11 selects the check character. */
    static boolean idCheckDigitValid(String id) {
        if (id.length() != 18) {
            return false;
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] checks = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return Character.toUpperCase(id.charAt(17)) == checks[sum % 11];
    }

    static boolean luhnValid(String digits) {
        if (digits.length() != 16 && digits.length() != 19) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** For logs: which kinds were present, never the values. */
    public static String kinds(List<PiiMatch> matches) {
        return matches.stream().map(m -> m.kind().name().toLowerCase(Locale.ROOT)).distinct()
                .reduce((a, b) -> a + "," + b).orElse("");
    }
}

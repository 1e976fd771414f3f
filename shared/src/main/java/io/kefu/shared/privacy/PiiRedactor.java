package io.kefu.shared.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks personal data in chat text: Chinese mobile numbers, landlines, 18-digit resident ID numbers
 * (date and check digit verified), bank cards (Luhn and issuer verified), e-mails and street addresses (zh, en),
 * in every shape a keyboard makes them.
 *
 * <p>Detection runs on the {@link FoldedText folded} text (NFKC, digits of any script, Chinese numerals, spaces of
 * every kind, invisible characters removed); the matches are offsets into the original text, which is what
 * {@link #redact} cuts. Numbers may be grouped with any short separator, typed a digit at a time, or sent over
 * several consecutive messages of one speaker ({@link #findInChat}) ({@link DigitRuns}); e-mails may be written
 * with (at), [at]…[dot], ＠, 。, spaces or 艾特…点. Order and tracking numbers survive: numbers glued to letters
 * (SF1402..., JD...) never match, long numbers count only with a valid checksum, and not right after an order or
 * waybill word ({@link NumberKinds}).
 *
 * <p>Pure and stateless.
 */
public final class PiiRedactor {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    // Disguised against scrapers: "(at)", "[at]", " at ", "艾特", spaces around @; "(dot)", " dot ", "点", "。".
    // The top-level domain must then be a known one, so "I'm at home. Bye" stays text.
    private static final String AT = "(?:\\s*@\\s*|\\s*[(\\[{<]\\s*at\\s*[)\\]}>]\\s*|\\s*艾特\\s*|\\s+at\\s+)";
    private static final String DOT = "(?:\\s*[.。]\\s*|\\s*[(\\[{<]\\s*dot\\s*[)\\]}>]\\s*|\\s*点\\s*|\\s+dot\\s+)";
    private static final Pattern DISGUISED_EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*" + AT + "[A-Za-z0-9-]+(?:" + DOT + "[A-Za-z0-9-]+)*" + DOT
                    + "(?:com|cn|net|org|edu|gov|io|co|uk|hk|tw|me|info|biz|jp|de|us|ca|au|sg|top|xyz|vip)(?![A-Za-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS_ZH = Pattern.compile(
            "(?:[\\u4e00-\\u9fa5]{2,7}?(?:省|自治区|市|区|县|镇|乡))*[\\u4e00-\\u9fa5\\d]{1,10}?"
                    + "(?:路|街|大道|巷|弄|胡同|里)(?:\\d{1,3}段)?\\s?\\d{1,5}\\s?[号號]"
                    + "(?:[\\u4e00-\\u9fa5\\dA-Za-z\\-]{0,10}?(?:室|栋|楼|单元|层|號|号))*");
    private static final Pattern ADDRESS_EN = Pattern.compile(
            "\\b\\d{1,5}\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct)\\b\\.?"
                    + "(?:,?\\s*(?:Apt|Suite|Unit|#)\\s*\\w+)?");

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

    /** Every line's text redacted, numbers split over consecutive lines of one speaker included. */
    public static List<String> redactChat(List<ChatLine> lines) {
        List<List<PiiMatch>> found = findInChat(lines);
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add(redact(lines.get(i).text(), found.get(i)));
        }
        return out;
    }

    public static boolean containsPii(String text) {
        return !find(text).isEmpty();
    }

    /** Non-overlapping matches in one text, left to right; when two overlap the earlier (then longer) one wins. */
    public static List<PiiMatch> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        if (!textHint(text) && digitCount(text) < 10) {
            return List.of(); // what findInChat screens a lone line to: no number can be this short, no text hint
        }
        return findInChat(List.of(new ChatLine("", text))).get(0);
    }

    /**
     * Matches per line (offsets into that line's text). A number may start in one line and end in the next ones
     * when they are consecutive lines of the same speaker; each line then gets the part it holds.
     */
    public static List<List<PiiMatch>> findInChat(List<ChatLine> lines) {
        int n = lines.size();
        List<List<PiiMatch>> found = new ArrayList<>(n);
        int[] digits = new int[n];
        boolean[] textHint = new boolean[n];
        for (int i = 0; i < n; i++) {
            found.add(new ArrayList<>());
            String text = lines.get(i).text();
            if (text != null && !text.isEmpty()) {
                digits[i] = digitCount(text);
                textHint[i] = textHint(text);
            }
        }
        List<FoldedText> folded = new ArrayList<>(n);
        for (int from = 0; from < n; ) {
            int to = from;
            int turnDigits = digits[from];
            while (to + 1 < n && Objects.equals(lines.get(to + 1).speaker(), lines.get(from).speaker())) {
                to++;
                turnDigits += digits[to];
            }
            // the shortest personal number (a landline) has 10 digits: a turn with fewer is not folded for numbers
            for (int i = from; i <= to; i++) {
                boolean worth = (digits[i] > 0 && turnDigits >= 10) || textHint[i];
                folded.add(worth ? FoldedText.of(lines.get(i).text()) : null);
            }
            findNumbers(folded.subList(from, to + 1), found.subList(from, to + 1), turnDigits >= 10);
            from = to + 1;
        }
        for (int i = 0; i < n; i++) {
            if (folded.get(i) != null && textHint[i]) {
                findText(folded.get(i), found.get(i));
            }
            found.set(i, nonOverlapping(found.get(i)));
        }
        return found;
    }

    /** Runs of consecutive lines without text (null) split a speaker's turn: nothing can continue through them. */
    private static void findNumbers(List<FoldedText> turn, List<List<PiiMatch>> into, boolean enoughDigits) {
        int from = enoughDigits ? 0 : turn.size();
        while (from < turn.size()) {
            if (turn.get(from) == null) {
                from++;
                continue;
            }
            int to = from;
            while (to + 1 < turn.size() && turn.get(to + 1) != null) {
                to++;
            }
            DigitRuns.find(turn.subList(from, to + 1), into.subList(from, to + 1));
            from = to + 1;
        }
    }

    private static void findText(FoldedText folded, List<PiiMatch> into) {
        String s = folded.text();
        boolean at = false;
        boolean disguisedAt = false;
        boolean houseNumber = false;
        boolean street = false;
        boolean numberThenCapital = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '@') {
                at = true;
            } else if ((c == 'a' || c == 'A') && i + 1 < s.length() && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'T')
                    || c == '艾') {
                disguisedAt = true;
            } else if (c == '号' || c == '號') {
                houseNumber |= i > 0 && (DigitRuns.isDigit(s.charAt(i - 1)) || i > 1 && s.charAt(i - 1) == ' ' && DigitRuns.isDigit(s.charAt(i - 2)));
            } else if (c == '路' || c == '街' || c == '道' || c == '巷' || c == '弄' || c == '同' || c == '里') {
                street = true;
            } else if (c == ' ' && i > 0 && DigitRuns.isDigit(s.charAt(i - 1))) {
                int j = i;
                while (j < s.length() && s.charAt(j) == ' ') {
                    j++;
                }
                numberThenCapital |= j < s.length() && s.charAt(j) >= 'A' && s.charAt(j) <= 'Z';
            }
        }
        if (at) {
            collect(folded, EMAIL, PiiKind.EMAIL, into);
        }
        if (at || disguisedAt) {
            collect(folded, DISGUISED_EMAIL, PiiKind.EMAIL, into);
        }
        if (houseNumber && street) {
            collect(folded, ADDRESS_ZH, PiiKind.ADDRESS, into);
        }
        if (numberThenCapital) {
            collect(folded, ADDRESS_EN, PiiKind.ADDRESS, into);
        }
    }

    /** Digits of any script and Chinese numerals, before folding (cheap screening: most lines have none). */
    private static int digitCount(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c) || FoldedText.chineseNumeral(c) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** An '@' (or ＠), "at" as in (at) / [at] / " at ", 艾特, a house number (号) or a digit before a capital. */
    private static boolean textHint(String text) {
        boolean number = false;
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '＠' || c == '艾') {
                return true;
            }
            if ((c == 'a' || c == 'A' || c == 'ａ') && i + 1 < text.length() && "tTｔ".indexOf(text.charAt(i + 1)) >= 0
                    && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
                    && (i + 2 >= text.length() || !Character.isLetter(text.charAt(i + 2)))) {
                return true;
            }
            digit |= c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c) || FoldedText.chineseNumeral(c) >= 0;
            number |= c == '号' || c == '號' || (digit && c >= 'A' && c <= 'Z');
        }
        return number && digit;
    }

    private static void collect(FoldedText folded, Pattern pattern, PiiKind kind, List<PiiMatch> into) {
        Matcher m = pattern.matcher(folded.text());
        while (m.find()) {
            // a company's role mailbox (RoleMailboxes) is no person's data, as a toll-free hotline is no person's number
            if (m.end() > m.start() && !(kind == PiiKind.EMAIL && RoleMailboxes.isRole(m.group()))) {
                into.add(new PiiMatch(kind, folded.originalStart(m.start()), folded.originalEnd(m.end())));
            }
        }
    }

    private static List<PiiMatch> nonOverlapping(List<PiiMatch> all) {
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
        return List.copyOf(kept);
    }

    static boolean idCheckDigitValid(String id) {
        return NumberKinds.idCheckDigitValid(id);
    }

    static boolean luhnValid(String digits) {
        return (digits.length() == 16 || digits.length() == 19) && NumberKinds.luhnValid(digits);
    }

    /** For logs: which kinds were present, never the values. */
    public static String kinds(List<PiiMatch> matches) {
        return matches.stream().map(m -> m.kind().name().toLowerCase(Locale.ROOT)).distinct()
                .reduce((a, b) -> a + "," + b).orElse("");
    }
}

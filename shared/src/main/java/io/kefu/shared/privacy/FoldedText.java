package io.kefu.shared.privacy;

import java.text.Normalizer;

/**
 * A text folded for matching, with a map back to the original: NFKC (full-width digits, letters, ＠ and ．
 * become ASCII), digits of any script as ASCII digits ({@link Character#digit}), Chinese numerals
 * (一三八, 幺 for 1, 两 for 2, financial 壹贰叁) as digits, every kind of space (NBSP, ideographic space) as
 * ' ', and invisible format characters (zero-width spaces, soft hyphens, BOM) removed. Detection runs on the
 * folded text; redaction uses {@link #originalStart}/{@link #originalEnd} so the original text is what is cut.
 */
final class FoldedText {
    /** Script of a folded digit: runs of different scripts are separate runs ("13812345678两件"). */
    static final byte NOT_DIGIT = 0;
    static final byte ARABIC = 1;
    static final byte CHINESE = 2;

    private final String text;
    private final int[] start;
    private final int[] end;
    private final byte[] script;

    private FoldedText(String text, int[] start, int[] end, byte[] script) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.script = script;
    }

    static FoldedText of(String original) {
        int n = original.length();
        StringBuilder out = new StringBuilder(n);
        int[] start = new int[n + 8];
        int[] end = new int[n + 8];
        byte[] script = new byte[n + 8];
        int k = 0;
        for (int i = 0; i < n; ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String folded = fold(cp);
            for (int c = 0; c < folded.length(); c++) {
                if (k == start.length) {
                    start = java.util.Arrays.copyOf(start, k * 2);
                    end = java.util.Arrays.copyOf(end, k * 2);
                    script = java.util.Arrays.copyOf(script, k * 2);
                }
                char f = folded.charAt(c);
                out.append(f);
                start[k] = i;
                end[k] = next;
                script[k] = f >= '0' && f <= '9' ? (chineseNumeral(cp) >= 0 ? CHINESE : ARABIC) : NOT_DIGIT;
                k++;
            }
            i = next;
        }
        return new FoldedText(out.toString(), start, end, script);
    }

    private static String fold(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) cp);
        }
        int numeral = chineseNumeral(cp);
        if (numeral >= 0) {
            return String.valueOf((char) ('0' + numeral));
        }
        if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3001 && cp <= 0x3037)) {
            return String.valueOf((char) cp); // CJK ideographs and punctuation (、。〈〉「」) are their own NFKC form
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E && !Character.isDigit(cp)) {
            return String.valueOf((char) (cp - 0xFEE0)); // full-width ASCII (＠．－（ ａ): NFKC without the table walk
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return ""; // zero-width space/joiners, soft hyphen, BOM, bidi marks: invisible, so not a separator
        }
        if (Character.isSpaceChar(cp)) {
            return " ";
        }
        if (Character.isDigit(cp)) {
            return String.valueOf((char) ('0' + Character.digit(cp, 10)));
        }
        if (Character.isSurrogate((char) cp)) {
            return "\uFFFD"; // a lone surrogate: keep the offsets, match nothing
        }
        return Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    }

    /** The digit a Chinese numeral character stands for in a spoken-out number, or -1. */
    static int chineseNumeral(int cp) {
        return switch (cp) {
            case '〇', '零' -> 0;
            case '一', '壹', '幺' -> 1;
            case '二', '贰', '貳', '两', '兩' -> 2;
            case '三', '叁', '參' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆', '陸' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    byte script(int at) {
        return script[at];
    }

    /** Original offset of the folded range that starts at {@code foldedStart}. */
    int originalStart(int foldedStart) {
        return start[foldedStart];
    }

    /** Original (exclusive) end of the folded range that ends (exclusive) at {@code foldedEnd}. */
    int originalEnd(int foldedEnd) {
        return end[foldedEnd - 1];
    }
}

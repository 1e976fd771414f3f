package io.kefu.shared.domain.qa;

import java.util.BitSet;
import java.util.Collection;

/**
 * Makes small variations irrelevant before matching: full-width to half-width, lower case, and
 * punctuation, whitespace, emoji and filler particles (亲, 哦, 呢, 啦 ...) dropped. Phrases and
 * chat text go through the same normalizer, so "亲，您好呀～" matches the phrase "您好".
 * Traditional characters are not converted here: the rulebook compiler adds traditional variants of
 * each phrase instead, so run-time cost does not grow with the table.
 */
public final class TextNormalizer {
    /** Whitespace, surrogates, punctuation, symbols, marks, format and control characters: one lookup per char. */
    private static final BitSet ALWAYS_DROPPED = alwaysDropped();

    /** {@link #ALWAYS_DROPPED} plus this rulebook's filler characters (8 KB, built once per compiled rulebook). */
    private final BitSet dropped;

    public TextNormalizer(Collection<String> fillerChars) {
        dropped = (BitSet) ALWAYS_DROPPED.clone();
        for (String filler : fillerChars) {
            for (char c : filler.toCharArray()) {
                dropped.set(c);
            }
        }
    }

    private static BitSet alwaysDropped() {
        BitSet set = new BitSet(0x10000);
        for (int c = 0; c < 0x10000; c++) {
            if (droppedCategory((char) c)) {
                set.set(c);
            }
        }
        return set;
    }

    public NormalizedText normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new NormalizedText("", new int[0]);
        }
        char[] out = new char[raw.length()];
        int[] offsets = new int[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = fold(raw.charAt(i));
            if (dropped(c)) {
                continue;
            }
            out[n] = c;
            offsets[n] = i;
            n++;
        }
        int[] trimmed = new int[n];
        System.arraycopy(offsets, 0, trimmed, 0, n);
        return new NormalizedText(new String(out, 0, n), trimmed);
    }

    public String normalizeToString(String raw) {
        return normalize(raw).text();
    }

    private static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            c = ' ';
        }
        if (c < 0x80) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        if (c >= '\u2E80' && c < '\uFF00') {
            return c; // CJK has no case; skip the Unicode case tables for the bulk of Chinese text
        }
        return Character.toLowerCase(c);
    }

    private boolean dropped(char c) {
        return dropped.get(c);
    }

    private static boolean droppedCategory(char c) {
        if (Character.isWhitespace(c) || Character.isSurrogate(c)) {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL, Character.NON_SPACING_MARK, Character.FORMAT, Character.CONTROL:
                return true;
            default:
                return false;
        }
    }
}

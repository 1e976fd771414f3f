package io.kefu.shared.domain.qa;

/**
 * Which phrase a negation (不, 没, "not") governs: only the one right after it, with at most an intensifier
 * between (不太生气, "not really angry"), or, in Chinese, a short unbroken verb phrase (不想快递白跑一趟). A space
 * or a clause break ends its reach: in 你不知道吧 算了算了 the resignation 算了 is not negated.
 */
final class NegationScope {
    private static final int NEGATION_REACH = 3;

    private NegationScope() {}

    /**
     * Whether a negation ({@code lexicon}) governs the phrase at {@code begin}: it ends right before it, or only
     * an intensifier stands between (不太生气, "not really angry"). 不知道…算了 is no negated 算了.
     */
    static boolean governs(MessageHits h, int lexicon, int intensifier, int begin) {
        int[] spans = h.spans(lexicon);
        String text = h.normalizedText();
        for (int k = 0; k < h.count(lexicon); k++) {
            int end = spans[2 * k + 1];
            if (aNotA(text, spans[2 * k])) {
                continue;
            }
            if (end <= begin && (gap(text, end, begin) || onlyIntensifier(h, intensifier, end, begin)
                    || shortCjkGap(h, text, end, begin))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The 不 / 没 of an A-not-A question (是不是, 有没有, 能不能, 可不可以) asks, it does not negate: 是不是太忽悠人了
     * is "isn't this a con", an accusation, not "not a con".
     */
    private static boolean aNotA(String text, int at) {
        char c = text.charAt(at);
        return (c == '不' || c == '没') && at > 0 && at + 1 < text.length() && text.charAt(at - 1) == text.charAt(at + 1);
    }

    private static boolean onlyIntensifier(MessageHits h, int intensifier, int from, int to) {
        int[] spans = h.spans(intensifier);
        String text = h.normalizedText();
        for (int k = 0; k < h.count(intensifier); k++) {
            if (spans[2 * k] >= from && spans[2 * k + 1] <= to
                    && gap(text, from, spans[2 * k]) && gap(text, spans[2 * k + 1], to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A negated verb phrase in Chinese (不想快递白跑 = "I don't want it to be a wasted trip"): at most
     * {@value #NEGATION_REACH} characters of one unbroken run; a space in the raw text ends the phrase
     * (你不知道吧 算了算了: the 算了 is not negated).
     */
    private static boolean shortCjkGap(MessageHits h, String text, int end, int begin) {
        if (begin - end > NEGATION_REACH || text.substring(end, begin).indexOf(TextNormalizer.CLAUSE) >= 0) {
            return false;
        }
        for (int i = end; i < begin; i++) {
            if (text.charAt(i) < 0x2E80) {
                return false;
            }
        }
        // up to and including the phrase's first character, so a space just before the phrase is seen
        String raw = h.original(end, begin + 1);
        return raw.chars().noneMatch(Character::isWhitespace);
    }

    /**
     * Nothing but word gaps between two offsets of the normalized text. A clause break is no gap, though the normalizer
     * writes it as a line break: 连个减震垫都没有，真是的 negates nothing in 真是的.
     */
    private static boolean gap(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == TextNormalizer.CLAUSE || c != TextNormalizer.WORD_GAP && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}

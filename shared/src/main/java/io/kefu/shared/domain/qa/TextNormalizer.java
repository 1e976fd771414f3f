package io.kefu.shared.domain.qa;

import java.util.BitSet;
import java.util.Collection;

/**
 * Folds text into the form phrases are matched in, keeping word and sentence boundaries:
 * <ul>
 *   <li>characters folded by {@link CharFolding} (NFKC, look-alikes, traditional to simplified, lower case);
 *       invisible characters (format, private use, Hangul fillers) removed;</li>
 *   <li>Latin words and digit runs kept apart by one space, so "closer" never contains the phrase "loser"
 *       and "12315" is not found in "2026-11-23 15:30"; an apostrophe inside a word is dropped ("don't" = "dont");
 *       an underscore joins a word, so the handle "@hulu_support" is one word, not the word "support" (a handle
 *       that is a name, @BBB, still reads as that name);</li>
 *   <li>English words reduced to their Snowball stem (delivered, delivery -> deliv...), phrases alike;</li>
 *   <li>sentence punctuation, commas and line breaks become one {@code '\n'}: the clause boundary no phrase
 *       crosses and similarity is measured within (chat writes one clause per comma: "好的，请问还有其他问题吗");</li>
 *   <li>other punctuation, spaces between Chinese characters, emoji and the rulebook's filler particles
 *       (亲, 哦, 呢 ...) dropped.</li>
 * </ul>
 * Phrases and chat text go through the same normalizer, so "亲，您好呀～" matches the phrase "您好".
 */
public final class TextNormalizer {
    public static final char CLAUSE = '\n';
    public static final char WORD_GAP = ' ';
    private static final int MIN_STEM_LENGTH = 3;
    private final BitSet fillers = new BitSet(0x10000);
    private final StemCache stems = new StemCache();

    public TextNormalizer(Collection<String> fillerChars) {
        for (String filler : fillerChars) {
            for (char c : filler.toCharArray()) {
                fillers.set(CharFolding.fold(c));
            }
        }
    }

    /** A char that forms Latin words or numbers (after folding); '_' joins them (user names, handles). */
    public static boolean wordChar(char c) {
        return c < 0x2E80 && c != CLAUSE && c != WORD_GAP && (Character.isLetterOrDigit(c) || c == '_');
    }

    public NormalizedText normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new NormalizedText("", new int[0], new int[0]);
        }
        Builder out = new Builder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int start = i;
            i += Character.charCount(cp);
            if (CharFolding.invisible(cp)) {
                continue;
            }
            String expanded = CharFolding.nfkc(cp);
            if (expanded == null) {
                out.accept(CharFolding.fold((char) cp), raw, start, i);
            } else {
                for (int k = 0; k < expanded.length(); k++) {
                    char e = expanded.charAt(k);
                    if (!Character.isSurrogate(e) && !CharFolding.invisible(e)) {
                        out.accept(CharFolding.fold(e), raw, start, i);
                    }
                }
            }
        }
        return out.finish();
    }

    public String normalizeToString(String raw) {
        return normalize(raw).text();
    }

    private final class Builder {
        char[] text;
        int[] begins;
        int[] ends;
        int n;
        // the Latin word being read: stemmed when it ends
        int wordStart = -1;
        boolean wordLetters;
        boolean gapPending;
        boolean clausePending;
        int clauseAt;

        Builder(int capacity) {
            text = new char[capacity + 8];
            begins = new int[text.length];
            ends = new int[text.length];
        }

        void accept(char c, String raw, int begin, int end) {
            if (wordChar(c)) {
                if (wordStart < 0) {
                    boundary(true);
                    wordStart = n;
                    wordLetters = true;
                }
                wordLetters &= c < 0x80 && Character.isLetter(c);
                put(c, begin, end);
                return;
            }
            if ((c == '\'' || c == '\u2019') && wordStart >= 0 && end < raw.length() && wordChar(CharFolding.fold(raw.charAt(end)))) {
                return; // don't -> dont
            }
            if (Character.isLetter(c) && !fillers.get(c)) {
                endWord();
                boundary(false);
                put(c, begin, end);
                return;
            }
            endWord();
            if (c == '\n' || c == '\r' || c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；'
                    || c == ';' || c == '…' || c == '｡' || c == '，' || c == ','
                    || (c == '.' && (end >= raw.length() || !wordChar(raw.charAt(end))))) {
                if (!clausePending) {
                    clauseAt = begin;
                }
                clausePending = true;
            } else if (!fillers.get(c) || c < 0x80) {
                gapPending = true;
            }
        }

        /** Before a new char: emit the pending clause break, or the word gap between two Latin words. */
        private void boundary(boolean word) {
            if (n > 0 && clausePending) {
                put(CLAUSE, clauseAt, clauseAt + 1);
            } else if (n > 0 && gapPending && word && wordChar(text[n - 1])) {
                put(WORD_GAP, ends[n - 1], ends[n - 1]);
            }
            clausePending = false;
            gapPending = false;
        }

        private void endWord() {
            if (wordStart < 0) {
                return;
            }
            int length = n - wordStart;
            if (wordLetters && length >= MIN_STEM_LENGTH) {
                String stem = stems.stem(text, wordStart, length);
                if (!stem.isEmpty() && stem.length() <= length) {
                    int wordEnd = ends[n - 1];
                    stem.getChars(0, stem.length(), text, wordStart);
                    n = wordStart + stem.length();
                    ends[n - 1] = wordEnd; // evidence shows the whole word as written
                }
            }
            wordStart = -1;
        }

        private void put(char c, int begin, int end) {
            if (n == text.length) { // NFKC expanded (ligatures such as U+FDFA, ⑴) or a word gap was added
                text = java.util.Arrays.copyOf(text, 2 * n);
                begins = java.util.Arrays.copyOf(begins, 2 * n);
                ends = java.util.Arrays.copyOf(ends, 2 * n);
            }
            text[n] = c;
            begins[n] = begin;
            ends[n] = end;
            n++;
        }

        NormalizedText finish() {
            endWord();
            return new NormalizedText(new String(text, 0, n), java.util.Arrays.copyOf(begins, n),
                    java.util.Arrays.copyOf(ends, n));
        }
    }
}

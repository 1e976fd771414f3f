package io.kefu.shared.domain.qa;

import java.util.Arrays;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Snowball stems of the words seen, per thread: chat English repeats a few hundred words and the stemmer is
 * the cost. Looked up straight from the normalizer's char buffer, so a word already seen allocates nothing
 * (a HashMap would need a String per word just to ask). Bounded: a long tail of rare words clears it.
 */
final class StemCache {
    private static final int MAX = 8192;
    private static final ThreadLocal<StemCache> PER_THREAD = ThreadLocal.withInitial(StemCache::new);

    private final EnglishStemmer stemmer = new EnglishStemmer();
    private final char[][] words = new char[2 * MAX][];
    private final String[] stems = new String[2 * MAX];
    private final int mask = 2 * MAX - 1;
    private int size;

    static StemCache get() {
        return PER_THREAD.get();
    }

    /** The stem of the word in {@code text[from, from + length)}. */
    String stem(char[] text, int from, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + text[from + i];
        }
        h *= 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        for (char[] w = words[slot]; w != null; w = words[slot]) {
            if (Arrays.equals(w, 0, w.length, text, from, from + length)) {
                return stems[slot];
            }
            slot = (slot + 1) & mask;
        }
        char[] word = Arrays.copyOfRange(text, from, from + length);
        stemmer.setCurrent(new String(word));
        stemmer.stem();
        String stem = stemmer.getCurrent();
        if (size >= MAX) {
            Arrays.fill(words, null);
            Arrays.fill(stems, null);
            size = 0;
            return stem; // the next sight of it is cached
        }
        words[slot] = word;
        stems[slot] = stem;
        size++;
        return stem;
    }
}

package io.kefu.shared.domain.qa;

import java.util.Arrays;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Snowball stems of the words seen, one cache per normalizer: chat English repeats a few hundred words and the
 * stemmer is the cost. Looked up straight from the normalizer's char buffer, so a word already seen allocates
 * nothing (a HashMap would need a String per word just to ask) and needs no thread-local lookup.
 *
 * <p>Shared by threads without locks: entries are immutable and published whole, so a racing reader sees an
 * entry or none, and a lost insert only means that word is stemmed again. Bounded: a long tail of rare words
 * starts a fresh table.
 */
final class StemCache {
    private static final int MAX = 8192;
    private static final int SLOTS = 2 * MAX;
    private static final int MAX_PROBES = 64;
    /** The stemmer keeps state between setCurrent and getCurrent: one per thread, needed on a miss only. */
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    private record Entry(char[] word, String stem) {}

    private volatile Entry[] table = new Entry[SLOTS];
    private int size; // racy count: it only bounds memory

    /** The stem of the word in {@code text[from, from + length)}. */
    String stem(char[] text, int from, int length) {
        Entry[] t = table;
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + text[from + i];
        }
        h *= 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        int probes = 0;
        for (Entry e = t[slot]; e != null; e = t[slot]) {
            if (Arrays.equals(e.word(), 0, e.word().length, text, from, from + length)) {
                return e.stem();
            }
            slot = (slot + 1) & (SLOTS - 1);
            if (++probes == MAX_PROBES) {
                return stem(new String(text, from, length)); // crowded by lost size counts: just stem it
            }
        }
        char[] word = Arrays.copyOfRange(text, from, from + length);
        String stem = stem(new String(word));
        if (size >= MAX) {
            table = new Entry[SLOTS];
            size = 0;
            return stem; // the next sight of it is cached
        }
        t[slot] = new Entry(word, stem);
        size++;
        return stem;
    }

    private static String stem(String word) {
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}

package io.kefu.shared.domain.qa;

/**
 * The character unigrams and bigrams of a text as a hashed multiset, so the similarity of a clause to a
 * standard sentence (or of two customer sentences) is one hash probe per n-gram of the other side instead of
 * sorting both sides per comparison. A bigram is packed as {@code c1 << 16 | c2}, never equal to a lone char.
 */
final class GramBag {
    private final int size;
    private final int[] keys;
    /** 0 = empty slot; else how many times keys[slot] occurs. */
    private final int[] counts;
    private final int mask;

    private GramBag(int[] grams) {
        size = grams.length;
        int capacity = Integer.highestOneBit(Math.max(4, 2 * grams.length - 1)) << 1;
        keys = new int[capacity];
        counts = new int[capacity];
        mask = capacity - 1;
        for (int g : grams) {
            int slot = slot(g);
            keys[slot] = g;
            counts[slot]++;
        }
    }

    static GramBag of(String text) {
        return new GramBag(grams(text, 0, text.length()));
    }

    static GramBag of(int[] grams) {
        return new GramBag(grams);
    }

    /** Unigrams of text[from, to), then its bigrams (unsorted: 2n-1 of them, none for an empty range). */
    static int[] grams(String text, int from, int to) {
        int n = to - from;
        int[] out = new int[n == 0 ? 0 : 2 * n - 1];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(from + i);
            out[i] = c;
            if (i + 1 < n) {
                out[n + i] = (c << 16) | text.charAt(from + i + 1);
            }
        }
        return out;
    }

    /** Multiset size (2n-1 for a text of n chars). */
    int size() {
        return size;
    }

    /** Size of the multiset intersection of this bag and {@code grams}. */
    int common(int[] grams) {
        int[] taken = new int[counts.length];
        int common = 0;
        for (int g : grams) {
            int slot = slot(g);
            if (taken[slot] < counts[slot]) {
                taken[slot]++;
                common++;
            }
        }
        return common;
    }

    /** The slot holding g, or the empty slot where it would go (linear probing; the table is at most half full). */
    private int slot(int g) {
        int h = g * 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        while (counts[slot] != 0 && keys[slot] != g) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}

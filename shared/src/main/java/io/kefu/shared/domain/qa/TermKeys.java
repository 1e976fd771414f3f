package io.kefu.shared.domain.qa;

import java.util.Arrays;

/**
 * The complaint-type model's terms as primitive keys, so scoring a chat allocates no String per character pair:
 * an open-addressing long → int table (the model's rows) and a long set (one side's distinct terms). Keys are
 * never {@value #EMPTY}: {@link ComplaintTypeModel} sets a side bit in every key.
 */
final class TermKeys {
    static final long EMPTY = 0;

    private long[] keys;
    private int[] values;
    private int size;

    TermKeys(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    /** The value of the key, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** Adds the key with the value if absent; true if it was absent. */
    boolean add(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return false;
            }
            if (k == EMPTY) {
                keys[slot] = key;
                values[slot] = value;
                size++;
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    /** The keys present, in table order. */
    long[] keys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                out[n++] = k;
            }
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "TermKeys" + Arrays.toString(keys());
    }
}

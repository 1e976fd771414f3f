package io.kefu.shared.domain.qa;

import java.util.Map;

/**
 * Finds every occurrence of every key in a normalized text. The production implementation is one
 * Aho-Corasick automaton ({@link AhoCorasickPhraseMatcher}); the interface exists so a benchmark can
 * put a naive loop beside it in the same scorer.
 */
public interface PhraseMatcher {

    /** Called for each occurrence: [begin, end) in the normalized text, and the ids of the terms it stands for. */
    @FunctionalInterface
    interface Sink {
        void hit(int begin, int end, int[] termIds);
    }

    @FunctionalInterface
    interface Factory {
        /** @param keys normalized key -> term ids (several rules may share a key) */
        PhraseMatcher build(Map<String, int[]> keys);
    }

    void scan(String normalizedText, Sink sink);
}

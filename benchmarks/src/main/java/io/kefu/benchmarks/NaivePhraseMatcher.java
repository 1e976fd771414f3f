package io.kefu.benchmarks;

import io.kefu.shared.domain.qa.PhraseMatcher;
import java.util.Map;

/**
 * The baseline: what a per-rule "for each phrase, text.contains(phrase)" implementation costs. Same keys
 * (normalized, folded phrases) as the automaton, so the scorer does the same work
 * otherwise; only the matching strategy differs.
 */
final class NaivePhraseMatcher implements PhraseMatcher {
    private final String[] keys;
    private final int[][] terms;

    NaivePhraseMatcher(Map<String, int[]> byKey) {
        keys = byKey.keySet().toArray(String[]::new);
        terms = new int[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            terms[i] = byKey.get(keys[i]);
        }
    }

    @Override
    public void scan(String text, Sink sink) {
        for (int k = 0; k < keys.length; k++) {
            String key = keys[k];
            for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
                sink.hit(at, at + key.length(), terms[k]);
            }
        }
    }
}

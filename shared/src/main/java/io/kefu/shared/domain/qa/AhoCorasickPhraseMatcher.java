package io.kefu.shared.domain.qa;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.Map;
import java.util.TreeMap;

/** All rulebook phrases in one double-array Aho-Corasick automaton: cost grows with text length only. */
public final class AhoCorasickPhraseMatcher implements PhraseMatcher {
    private final AhoCorasickDoubleArrayTrie<int[]> trie = new AhoCorasickDoubleArrayTrie<>();
    private final boolean empty;

    public AhoCorasickPhraseMatcher(Map<String, int[]> keys) {
        this.empty = keys.isEmpty();
        if (!empty) {
            trie.build(new TreeMap<>(keys));
        }
    }

    @Override
    public void scan(String normalizedText, Sink sink) {
        if (empty || normalizedText.isEmpty()) {
            return;
        }
        AhoCorasickDoubleArrayTrie.IHit<int[]> forward = sink::hit;
        trie.parseText(normalizedText, forward);
    }
}

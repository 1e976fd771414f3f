package io.kefu.shared.domain.qa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rulebook compiled once per cold start: every phrase of every rule and signal list, normalized,
 * expanded with its traditional-character variants, goes into one multi-pattern matcher; each
 * message is then scanned once, whatever the number of phrases.
 */
public final class CompiledRulebook {
    private record Term(int lexicon, int pattern, int part) {}

    private record Pattern(int lexicon, int parts) {}

    /** A standard sentence for similarity matching, as sorted character n-grams. */
    record Script(String normalized, int[] grams) {}

    private final Rulebook rulebook;
    private final TextNormalizer normalizer;
    private final Map<String, Integer> lexiconIds = new HashMap<>();
    private final List<Term> terms = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final Map<String, List<Script>> scripts = new HashMap<>();
    private final PhraseMatcher matcher;
    private final int phraseCount;
    // terms as flat arrays for the per-hit loop of analyze()
    private final int[] termLexicon;
    private final int[] termPattern;
    private final int[] termPart;

    private CompiledRulebook(Rulebook rulebook, ChineseVariants variants, PhraseMatcher.Factory factory) {
        this.rulebook = rulebook;
        this.normalizer = new TextNormalizer(rulebook.normalization().fillers());
        Map<String, List<Integer>> keys = new LinkedHashMap<>();
        int phrases = 0;
        for (Rule rule : rulebook.rules()) {
            int lexicon = lexicon(Lexicon.rule(rule.id()));
            phrases += addPhrases(keys, variants, lexicon, rule.phrases());
            for (String pattern : rule.patterns()) {
                addPattern(keys, variants, lexicon, pattern);
                phrases++;
            }
            phrases += addPhrases(keys, variants, lexicon(Lexicon.repeatAsk(rule.id())), rule.repeatPhrases());
            List<Script> compiled = new ArrayList<>();
            for (String script : rule.scripts()) {
                String normalized = normalizer.normalizeToString(script);
                compiled.add(new Script(normalized, grams(normalized)));
            }
            scripts.put(rule.id(), compiled);
        }
        var signals = rulebook.signals();
        phrases += addPhrases(keys, variants, lexicon(Lexicon.NEGATIVE), signals.negativeEmotion());
        phrases += addPhrases(keys, variants, lexicon(Lexicon.REPEATED), signals.repeatedWords());
        phrases += addPhrases(keys, variants, lexicon(Lexicon.TRANSFER_NOTICE), signals.transferNotices());
        for (ComplaintType type : ComplaintType.values()) {
            phrases += addPhrases(keys, variants, lexicon(Lexicon.complaint(type)),
                    rulebook.complaint().types().getOrDefault(type, List.of()));
        }
        for (EscalationSignal signal : EscalationSignal.values()) {
            phrases += addPhrases(keys, variants, lexicon(Lexicon.escalation(signal)),
                    rulebook.complaint().escalation().getOrDefault(signal, List.of()));
        }
        Map<String, int[]> frozen = new HashMap<>(keys.size() * 2);
        keys.forEach((key, ids) -> frozen.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.matcher = factory.build(frozen);
        this.phraseCount = phrases;
        this.termLexicon = terms.stream().mapToInt(Term::lexicon).toArray();
        this.termPattern = terms.stream().mapToInt(Term::pattern).toArray();
        this.termPart = terms.stream().mapToInt(Term::part).toArray();
    }

    public static CompiledRulebook compile(Rulebook rulebook) {
        return compile(rulebook, ChineseVariants.load(), AhoCorasickPhraseMatcher::new);
    }

    public static CompiledRulebook compile(Rulebook rulebook, ChineseVariants variants, PhraseMatcher.Factory factory) {
        return new CompiledRulebook(rulebook, variants, factory);
    }

    public Rulebook rulebook() {
        return rulebook;
    }

    public int phraseCount() {
        return phraseCount;
    }

    /** -1 when the rulebook has no such list (a lexicon that never matches). */
    int lexiconOf(String name) {
        Integer id = lexiconIds.get(name);
        return id != null ? id : -1;
    }

    private int lexicon(String name) {
        return lexiconIds.computeIfAbsent(name, k -> lexiconIds.size());
    }

    List<Script> scripts(String ruleId) {
        return scripts.getOrDefault(ruleId, List.of());
    }

    public MessageHits analyze(String raw) {
        NormalizedText normalized = normalizer.normalize(raw);
        MessageHits hits = new MessageHits(raw, normalized, lexiconIds.size());
        List<int[]> partHits = patterns.isEmpty() ? null : new ArrayList<>();
        matcher.scan(normalized.text(), (begin, end, termIds) -> {
            for (int id : termIds) {
                int pattern = termPattern[id];
                if (pattern < 0) {
                    hits.record(termLexicon[id], begin, end);
                } else if (partHits != null) {
                    partHits.add(new int[] {pattern, termPart[id], begin, end});
                }
            }
        });
        if (partHits != null && !partHits.isEmpty()) {
            matchPatterns(partHits, hits);
        }
        return hits;
    }

    /** A pattern matches when its parts occur in order, each at most MAX_PATTERN_GAP chars after the previous. */
    private void matchPatterns(List<int[]> partHits, MessageHits hits) {
        partHits.sort((a, b) -> a[2] != b[2] ? Integer.compare(a[2], b[2]) : Integer.compare(a[1], b[1]));
        for (int[] start : partHits) {
            if (start[1] != 0) {
                continue;
            }
            Pattern pattern = patterns.get(start[0]);
            int part = 1;
            int end = start[3];
            for (int[] next : partHits) {
                if (part == pattern.parts()) {
                    break;
                }
                if (next[0] == start[0] && next[1] == part && next[2] >= end && next[2] - end <= Rule.MAX_PATTERN_GAP) {
                    part++;
                    end = next[3];
                }
            }
            if (part == pattern.parts()) {
                hits.record(pattern.lexicon(), start[2], end);
            }
        }
    }

    private int addPhrases(Map<String, List<Integer>> keys, ChineseVariants variants, int lexicon, List<String> phrases) {
        for (String phrase : phrases) {
            String normalized = normalizer.normalizeToString(phrase);
            if (normalized.length() < 2 && phrase.strip().length() > 1) {
                // "亲爱滴" minus fillers would be "爱" and match every 爱买不买: a rulebook bug, not a phrase.
                throw new InvalidRulebookException("phrase '" + phrase + "' normalizes to '" + normalized
                        + "' (punctuation and fillers removed): too short to match safely");
            }
            addKey(keys, variants, normalized, new Term(lexicon, -1, 0));
        }
        return phrases.size();
    }

    private void addPattern(Map<String, List<Integer>> keys, ChineseVariants variants, int lexicon, String pattern) {
        String[] parts = Arrays.stream(pattern.split("\\*"))
                .map(normalizer::normalizeToString).filter(p -> !p.isEmpty()).toArray(String[]::new);
        if (parts.length == 1) {
            addKey(keys, variants, parts[0], new Term(lexicon, -1, 0));
            return;
        }
        int patternId = patterns.size();
        patterns.add(new Pattern(lexicon, parts.length));
        for (int i = 0; i < parts.length; i++) {
            addKey(keys, variants, parts[i], new Term(lexicon, patternId, i));
        }
    }

    private void addKey(Map<String, List<Integer>> keys, ChineseVariants variants, String normalized, Term term) {
        if (normalized.isEmpty()) {
            return;
        }
        int termId = terms.size();
        terms.add(term);
        for (String variant : variants.variants(normalized)) {
            List<Integer> ids = keys.computeIfAbsent(variant, k -> new ArrayList<>(1));
            if (!ids.contains(termId)) {
                ids.add(termId);
            }
        }
    }

    /** Sorted character unigrams and bigrams (a bigram is packed as c1 << 16 | c2, never a lone char). */
    static int[] grams(String s) {
        int n = s.length();
        int[] out = new int[n == 0 ? 0 : 2 * n - 1];
        for (int i = 0; i < n; i++) {
            out[i] = s.charAt(i);
            if (i + 1 < n) {
                out[n + i] = (s.charAt(i) << 16) | s.charAt(i + 1);
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Share of the script's n-grams (multiset) that the message contains. */
    static double coverage(int[] message, int[] script) {
        if (message.length == 0 || script.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < message.length && j < script.length) {
            if (message[i] == script[j]) {
                common++;
                i++;
                j++;
            } else if (message[i] < script[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / script.length;
    }

    /**
     * Best similarity of a message to the rule's standard scripts (0 if it has none): how much of the
     * script's character 1- and 2-grams the message contains. Messages over four times the script's
     * length are not paraphrases of it (they would cover anything) and score 0.
     */
    /**
     * {@code similarity(ruleId, message) >= threshold}, without sorting the message's n-grams when no script
     * can reach the threshold: coverage is at most (message n-grams) / (script n-grams).
     */
    boolean similarAtLeast(String ruleId, MessageHits message, double threshold) {
        List<Script> list = scripts(ruleId);
        if (list.isEmpty()) {
            return 0 >= threshold;
        }
        String text = message.normalizedText();
        int messageGrams = text.isEmpty() ? 0 : 2 * text.length() - 1;
        int[] grams = null;
        double best = 0;
        for (Script script : list) {
            if (text.length() <= 4 * script.normalized().length()
                    && (script.grams().length == 0 || (double) messageGrams / script.grams().length >= threshold)) {
                grams = grams == null ? message.grams() : grams;
                best = Math.max(best, coverage(grams, script.grams()));
            }
        }
        return best >= threshold;
    }

    double similarity(String ruleId, MessageHits message) {
        List<Script> list = scripts(ruleId);
        if (list.isEmpty()) {
            return 0;
        }
        String text = message.normalizedText();
        int[] grams = null;
        double best = 0;
        for (Script script : list) {
            if (text.length() <= 4 * script.normalized().length()) {
                grams = grams == null ? message.grams() : grams;
                best = Math.max(best, coverage(grams, script.grams()));
            }
        }
        return best;
    }
}

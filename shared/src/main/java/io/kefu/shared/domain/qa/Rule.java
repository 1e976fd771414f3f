package io.kefu.shared.domain.qa;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One rulebook item. What it looks for is {@link #when()} (the rule model, see {@link Condition}) or, for
 * the short form, {@code phrases} (any of them; "a*b" parts in order at most {@link #MAX_PATTERN_GAP}
 * characters apart, "deliver*" a word prefix), {@code patterns} (same syntax) and {@code scripts} +
 * {@code similarity} (standard sentences matched per clause). {@code exclude} phrases cancel any hit they
 * overlap, in every condition of the rule. The {@link #kind()} says where the condition is looked for and
 * whether a hit passes or fails: {@code window} (agent replies), {@code seconds} (timing),
 * {@code followUpHours} (promise default due time), {@code repeatPhrases} (transfer: asking to repeat),
 * {@code expect} (CHECK: present or absent), {@code section} + {@code autoFail} (a failure zeroes the section).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Rule(
        String id,
        RuleKind kind,
        int weight,
        Integer window,
        Integer seconds,
        Integer followUpHours,
        List<String> phrases,
        List<String> patterns,
        List<String> scripts,
        Double similarity,
        List<String> repeatPhrases,
        String description,
        Condition when,
        List<String> exclude,
        Expect expect,
        String section,
        Boolean autoFail) {

    public static final int MAX_PATTERN_GAP = 8;

    /** CHECK rules: the condition must occur (e.g. a verification step) or must not (e.g. a blame phrase). */
    public enum Expect { present, absent }

    public Rule {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        repeatPhrases = repeatPhrases == null ? List.of() : List.copyOf(repeatPhrases);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** The short form (phrases, patterns, scripts) without the rule model's fields. */
    public Rule(String id, RuleKind kind, int weight, Integer window, Integer seconds, Integer followUpHours,
            List<String> phrases, List<String> patterns, List<String> scripts, Double similarity,
            List<String> repeatPhrases, String description) {
        this(id, kind, weight, window, seconds, followUpHours, phrases, patterns, scripts, similarity, repeatPhrases,
                description, null, null, null, null, null);
    }

    public boolean redLine() {
        return kind == RuleKind.RED_LINE || kind == RuleKind.PII_DISCLOSURE;
    }

    public boolean autoFails() {
        return Boolean.TRUE.equals(autoFail);
    }

    public int windowOr(int fallback) {
        return window == null ? fallback : window;
    }

    public double similarityOr(double fallback) {
        return similarity == null ? fallback : similarity;
    }

    /** What the rule looks for: {@code when}, or the short form as any-of phrases OR similar-to scripts. */
    public Condition condition() {
        if (when != null) {
            return when;
        }
        List<Condition> parts = new java.util.ArrayList<>(2);
        List<String> keywords = new java.util.ArrayList<>(phrases);
        keywords.addAll(patterns);
        if (!keywords.isEmpty()) {
            parts.add(Condition.anyOf(keywords));
        }
        if (!scripts.isEmpty()) {
            parts.add(Condition.similarTo(scripts, similarity));
        }
        return parts.isEmpty() ? null : Condition.orOf(parts);
    }
}

package io.kefu.shared.domain.qa;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One rulebook item. Which fields matter depends on {@link #kind()}:
 * {@code phrases} (exact, variant-tolerant), {@code patterns} ("我是*客服": parts in order, at most
 * {@link #MAX_PATTERN_GAP} characters apart), {@code scripts} + {@code similarity} (paraphrases of a
 * standard sentence, character-bigram Dice), {@code window} (agent replies), {@code seconds}
 * (timing), {@code followUpHours} (promise), {@code repeatPhrases} (transfer: asking to repeat).
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
        String description) {

    public static final int MAX_PATTERN_GAP = 8;

    public Rule {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        repeatPhrases = repeatPhrases == null ? List.of() : List.copyOf(repeatPhrases);
    }

    public boolean redLine() {
        return kind == RuleKind.RED_LINE || kind == RuleKind.PII_DISCLOSURE;
    }

    public int windowOr(int fallback) {
        return window == null ? fallback : window;
    }

    public double similarityOr(double fallback) {
        return similarity == null ? fallback : similarity;
    }
}

package io.kefu.shared.domain.qa;

import io.kefu.shared.privacy.PiiKind;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A {@link Condition} with its keyword lists turned into automaton lexicons: what {@link ConditionEvaluator} runs. */
final class CompiledCondition {
    enum Op { ANY, ALL, AT_LEAST, NONE, REGEX, SIMILAR, ENTITY, REPEAT, AND, OR, NOT }

    final Condition source;
    final Op op;
    /** ANY / NONE: one lexicon; ALL / AT_LEAST: one per phrase. */
    int lexicon = -1;
    int[] each = new int[0];
    int atLeast;
    /** Lexicon of this node's and its rule's exclude phrases (-1: none). */
    int excluded = -1;
    Pattern regex;
    Pattern excludeRegex;
    List<CompiledRulebook.Script> scripts = List.of();
    double threshold;
    Set<PiiKind> entityKinds = Set.of();
    boolean orderNumbers;
    int repeatWithin;
    List<CompiledCondition> children = List.of();
    CompiledCondition anchor;

    CompiledCondition(Condition source, Op op) {
        this.source = source;
        this.op = op;
    }
}

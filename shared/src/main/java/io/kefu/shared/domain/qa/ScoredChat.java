package io.kefu.shared.domain.qa;

import java.util.List;

/** One chat being scored: the analysed messages, each rule's condition hits, and the upset turns on first use. */
final class ScoredChat extends ChatAnalysis {
    private final CompiledRulebook book;
    private final int[] threatLexicons;
    private List<UpsetSignal.Turn> upset;

    ScoredChat(Transcript transcript, CompiledRulebook book, int[] threatLexicons) {
        super(transcript, book);
        this.book = book;
        this.threatLexicons = threatLexicons;
    }

    List<UpsetSignal.Turn> upset() {
        if (upset == null) {
            upset = UpsetSignal.turns(book, this, threatLexicons);
        }
        return upset;
    }

    /** Whether the agent's first reply opens as the rulebook's greeting rules say an opener does (您好, 有什么可以帮您). */
    boolean openerGreets() {
        if (agentReplies.isEmpty()) {
            return false;
        }
        int opener = agentReplies.get(0);
        for (Rule rule : book.rulebook().rules()) {
            if (rule.kind() == RuleKind.OPENING_GREETING && ruleHits(rule, new Condition.Range(1, null))[opener] != null) {
                return true;
            }
        }
        return false;
    }

    /** The rule's condition on agent replies: evidence per message index (null = no hit). */
    String[] ruleHits(Rule rule) {
        return ruleHits(rule, null);
    }

    String[] ruleHits(Rule rule, Condition.Range range) {
        CompiledCondition condition = book.condition(rule.id());
        return condition == null ? new String[size()] : ConditionEvaluator.evaluate(condition, this, Role.AGENT, range);
    }
}

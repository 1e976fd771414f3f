package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.Findings.evidence;
import static io.kefu.shared.domain.qa.Findings.fail;
import static io.kefu.shared.domain.qa.Findings.notApplicable;
import static io.kefu.shared.domain.qa.Findings.pass;

import java.util.List;

/** Where a rule's wording must (开场白, 结束语, 确认满意, CHECK) or must not (禁语, red lines) appear. */
final class PhrasingChecks {
    private final CompiledRulebook book;
    private final RuleExamples examples;

    PhrasingChecks(CompiledRulebook book, RuleExamples examples) {
        this.book = book;
        this.examples = examples;
    }

    /** 开场白 / 结束语 / 确认满意: the condition holds in one of the first (or last) {@code window} agent replies. */
    Finding presentIn(Rule rule, ScoredChat chat, boolean first, int window, String key) {
        if (chat.agentReplies.isEmpty()) {
            return notApplicable(rule, chat, null, "no-agent-reply");
        }
        String[] hits = chat.ruleHits(rule, first ? new Condition.Range(window, null) : new Condition.Range(null, window));
        List<Integer> replies = chat.agentReplies;
        int n = replies.size();
        for (int k = 0; k < Math.min(window, n); k++) {
            int i = replies.get(first ? k : n - 1 - k);
            if (hits[i] != null) {
                return pass(rule, i, hits[i], chat.reason(key + ".pass", evidence(hits[i])));
            }
        }
        String example = examples.of(rule, chat.lang);
        return first
                ? fail(rule, replies.get(0), example, chat.reason(key + ".fail", example))
                : fail(rule, replies.get(n - 1), example, chat.reason(key + ".fail", window, example));
    }

    /** 禁语 / red lines: the condition must hold in no agent reply. */
    Finding forbidden(Rule rule, ScoredChat chat) {
        String[] hits = chat.ruleHits(rule);
        Integer first = null;
        int total = 0;
        CompiledCondition condition = book.condition(rule.id());
        for (int i : chat.agentReplies) {
            if (hits[i] != null) {
                first = first == null ? i : first;
                total += Math.max(1, keywordHits(condition, chat.hits.get(i)));
            }
        }
        boolean redLine = rule.kind() == RuleKind.RED_LINE;
        if (first == null) {
            return pass(rule, null, null, chat.reason(redLine ? "redline.pass" : "forbidden.pass"));
        }
        String shown = evidence(hits[first]);
        return fail(rule, first, shown, redLine ? chat.reason("redline.fail", shown) : chat.reason("forbidden.fail", shown, total));
    }

    /** Keyword matches of the ANY lists of a condition (through OR / AND) in one message: "共2处". */
    private static int keywordHits(CompiledCondition c, MessageHits h) {
        if (c.op == CompiledCondition.Op.ANY) {
            return h.countOutside(c.lexicon, c.excluded);
        }
        int n = 0;
        if (c.op == CompiledCondition.Op.OR || c.op == CompiledCondition.Op.AND) {
            for (CompiledCondition child : c.children) {
                n += keywordHits(child, h);
            }
        }
        return n;
    }

    /** CHECK: the rule model in full; where to look is the condition's own role / range / anchor. */
    Finding check(Rule rule, ScoredChat chat) {
        String[] hits = chat.ruleHits(rule);
        Integer first = null;
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] != null) {
                first = i;
                break;
            }
        }
        boolean wanted = rule.expect() != Rule.Expect.absent;
        if (first == null) {
            return wanted ? fail(rule, null, null, chat.reason("check.missing", rule.id()))
                    : pass(rule, null, null, chat.reason("check.absent", rule.id()));
        }
        String shown = evidence(hits[first]);
        return wanted ? pass(rule, first, hits[first], chat.reason("check.found", rule.id(), shown))
                : fail(rule, first, shown, chat.reason("check.forbidden", rule.id(), shown));
    }
}

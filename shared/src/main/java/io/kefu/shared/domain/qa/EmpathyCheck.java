package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.Findings.evidence;
import static io.kefu.shared.domain.qa.Findings.fail;
import static io.kefu.shared.domain.qa.Findings.notApplicable;
import static io.kefu.shared.domain.qa.Findings.pass;

import java.util.List;

/** 安抚: after EACH upset customer turn, one of the next {@code window} agent replies empathises (none: FAIL). */
final class EmpathyCheck {
    private EmpathyCheck() {}

    static Finding check(Rule rule, ScoredChat chat) {
        List<UpsetSignal.Turn> upset = chat.upset();
        if (upset.isEmpty()) {
            return notApplicable(rule, chat, null, "empathy.na");
        }
        int window = rule.windowOr(2);
        String[] hits = chat.ruleHits(rule);
        Finding firstPass = null;
        int answeredUpTo = -1;
        for (UpsetSignal.Turn turn : upset) {
            if (turn.index() <= answeredUpTo) {
                continue; // the same outburst before the agent could answer it: judged once
            }
            int seen = 0;
            Integer firstReply = null;
            String matched = null;
            int matchedAt = -1;
            for (int i : chat.agentReplies) {
                if (i <= turn.index()) {
                    continue;
                }
                firstReply = firstReply == null ? i : firstReply;
                if (hits[i] != null) {
                    matched = hits[i];
                    matchedAt = i;
                    break;
                }
                if (++seen == window) {
                    break;
                }
            }
            if (firstReply == null) {
                // the chat ended on the outburst: left unanswered
                String trigger = evidence(turn.evidence());
                return fail(rule, turn.index(), trigger, chat.reason("empathy.fail", trigger, window));
            }
            if (matched == null) {
                String trigger = evidence(turn.evidence());
                return fail(rule, firstReply, trigger, chat.reason("empathy.fail", trigger, window));
            }
            answeredUpTo = firstReply;
            if (firstPass == null) {
                firstPass = pass(rule, matchedAt, matched, chat.reason("empathy.pass", evidence(matched)));
            }
        }
        return firstPass != null ? firstPass : notApplicable(rule, chat, null, "empathy.na");
    }
}

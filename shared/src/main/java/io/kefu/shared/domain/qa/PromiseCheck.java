package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.Findings.evidence;
import static io.kefu.shared.domain.qa.Findings.notApplicable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Each agent reply promising to come back becomes a follow-up, due when the sentence says or by the rule default. */
final class PromiseCheck {
    private final ZoneId zone;

    /** @param zone the shop's time zone: due times such as 明天 are read in it */
    PromiseCheck(ZoneId zone) {
        this.zone = zone;
    }

    List<Finding> check(Rule rule, ScoredChat chat, List<Promise> into) {
        Duration fallback = Duration.ofHours(rule.followUpHours() == null ? 24 : rule.followUpHours());
        String[] hits = chat.ruleHits(rule);
        List<Finding> out = new ArrayList<>();
        for (int i : chat.agentReplies) {
            if (hits[i] == null) {
                continue;
            }
            Message m = chat.message(i);
            Instant dueBy = PromiseDue.parse(m.text(), m.ts(), zone).orElse(m.ts().plus(fallback));
            String shown = evidence(hits[i]);
            into.add(new Promise(rule.id(), i, m.agentId(), dueBy, evidence(m.text())));
            out.add(new Finding(rule.id(), rule.kind(), Outcome.INFO, false, 0, 0, i, shown,
                    chat.reason("promise.info", shown, dueBy.toString())));
        }
        if (out.isEmpty()) {
            out.add(notApplicable(rule, chat, null, "promise.na"));
        }
        return out;
    }
}

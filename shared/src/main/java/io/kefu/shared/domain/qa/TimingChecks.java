package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.Findings.fail;
import static io.kefu.shared.domain.qa.Findings.notApplicable;
import static io.kefu.shared.domain.qa.Findings.pass;

import java.time.Duration;
import java.util.List;

/** 首次响应 and reply gaps: interval checks on the messages' timestamps. */
final class TimingChecks {
    private TimingChecks() {}

    static Finding firstResponse(Rule rule, ChatAnalysis chat) {
        List<Message> messages = chat.transcript.messages();
        int customer = -1;
        for (Message m : messages) {
            if (m.isCustomer()) {
                customer = m.index();
                break;
            }
        }
        if (customer < 0) {
            return notApplicable(rule, chat, null, "first-response.na");
        }
        for (int i : chat.agentReplies) {
            if (i > customer) {
                long seconds = Duration.between(messages.get(customer).ts(), messages.get(i).ts()).toSeconds();
                return seconds <= rule.seconds()
                        ? pass(rule, i, null, chat.reason("first-response.pass", seconds, rule.seconds()))
                        : fail(rule, i, null, chat.reason("first-response.fail", seconds, rule.seconds()));
            }
        }
        return fail(rule, customer, null, chat.reason("first-response.none"));
    }

    /** Every wait after the first (which FIRST_RESPONSE judges): first unanswered customer message -> next agent reply. */
    static Finding replyGap(Rule rule, ChatAnalysis chat) {
        Message waitingSince = null;
        boolean firstWait = true;
        long worst = -1;
        Integer worstAt = null;
        for (Message m : chat.transcript.messages()) {
            if (m.isCustomer() && waitingSince == null) {
                waitingSince = m;
            } else if (m.isAgent() && waitingSince != null) {
                long seconds = Duration.between(waitingSince.ts(), m.ts()).toSeconds();
                if (!firstWait && seconds > worst) {
                    worst = seconds;
                    worstAt = m.index();
                }
                firstWait = false;
                waitingSince = null;
            }
        }
        if (worstAt == null) {
            return notApplicable(rule, chat, null, "gap.na");
        }
        return worst <= rule.seconds()
                ? pass(rule, worstAt, null, chat.reason("gap.pass", worst, rule.seconds()))
                : fail(rule, worstAt, null, chat.reason("gap.fail", worst, rule.seconds()));
    }
}

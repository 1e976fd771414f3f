package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.Findings.evidence;
import static io.kefu.shared.domain.qa.Findings.fail;
import static io.kefu.shared.domain.qa.Findings.notApplicable;
import static io.kefu.shared.domain.qa.Findings.pass;

import java.util.HashMap;
import java.util.Map;

/**
 * 转接: only an explicit transfer counts (a system notice, or the agent announcing it); a new agent id
 * alone is a team answering in turns. It passes when announced and the customer did not have to repeat
 * the problem (asked to, or saying nearly the same as before the transfer).
 */
final class TransferCheck {
    private static final int REPEAT_MIN_CHARS = 6;

    private final CompiledRulebook book;
    private final RuleExamples examples;
    private final int noticeLexicon;
    private final Map<String, Integer> repeatAskLexicon = new HashMap<>();

    TransferCheck(CompiledRulebook book, RuleExamples examples) {
        this.book = book;
        this.examples = examples;
        this.noticeLexicon = book.lexiconOf(Lexicon.TRANSFER_NOTICE);
        for (Rule rule : book.rulebook().rules()) {
            repeatAskLexicon.put(rule.id(), book.lexiconOf(Lexicon.repeatAsk(rule.id())));
        }
    }

    Finding check(Rule rule, ScoredChat chat) {
        String[] announced = chat.ruleHits(rule);
        int notice = -1;
        for (Message m : chat.transcript.messages()) {
            if (m.role() == Role.SYSTEM && chat.hits.get(m.index()).has(noticeLexicon)) {
                notice = m.index();
                break;
            }
        }
        int announcement = notice >= 0 ? announcedBefore(chat, announced, notice, rule.windowOr(2)) : firstHit(chat, announced);
        if (notice < 0 && announcement < 0) {
            return notApplicable(rule, chat, null, "transfer.na");
        }
        int at = notice >= 0 ? notice : announcement;
        int repeatAsk = repeatAskLexicon.get(rule.id());
        for (int i : chat.agentReplies) {
            if (i > at && chat.hits.get(i).has(repeatAsk)) {
                String shown = evidence(chat.hits.get(i).evidence(repeatAsk));
                return fail(rule, i, shown, chat.reason("transfer.repeat", shown));
            }
        }
        int repeated = customerRepeated(chat, at);
        if (repeated >= 0) {
            String shown = evidence(chat.message(repeated).text());
            return fail(rule, repeated, shown, chat.reason("transfer.repeat", shown));
        }
        if (announcement < 0) {
            String example = examples.of(rule, chat.lang);
            return fail(rule, at, example, chat.reason("transfer.unannounced", example));
        }
        return pass(rule, announcement, announced[announcement],
                chat.reason("transfer.pass", evidence(announced[announcement])));
    }

    /** The announcement among the last {@code window} agent replies up to the system notice, or -1. */
    private static int announcedBefore(ChatAnalysis chat, String[] announced, int notice, int window) {
        int seen = 0;
        for (int k = chat.agentReplies.size() - 1; k >= 0 && seen < window; k--) {
            int i = chat.agentReplies.get(k);
            if (i > notice) {
                continue;
            }
            seen++;
            if (announced[i] != null) {
                return i;
            }
        }
        return -1;
    }

    private static int firstHit(ChatAnalysis chat, String[] announced) {
        for (int i : chat.agentReplies) {
            if (announced[i] != null) {
                return i;
            }
        }
        return -1;
    }

    /** A customer sentence after the transfer that says nearly what one before it said, or -1. */
    private int customerRepeated(ChatAnalysis chat, int at) {
        double threshold = book.rulebook().signals().repeatSimilarity();
        for (int after : chat.customerMessages) {
            String text = chat.hits.get(after).normalizedText();
            if (after <= at || text.length() < REPEAT_MIN_CHARS) {
                continue;
            }
            for (int before : chat.customerMessages) {
                MessageHits earlier = chat.hits.get(before);
                if (before < at && earlier.normalizedText().length() >= REPEAT_MIN_CHARS
                        && CompiledRulebook.dice(chat.hits.get(after), earlier) >= threshold) {
                    return after;
                }
            }
        }
        return -1;
    }
}

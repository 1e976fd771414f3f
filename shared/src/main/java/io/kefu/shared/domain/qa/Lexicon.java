package io.kefu.shared.domain.qa;

/** Names of the phrase lists compiled into the automaton, besides one per rule. */
final class Lexicon {
    static final String NEGATIVE = "signal:negative";
    static final String REPEATED = "signal:repeated";
    static final String TRANSFER_NOTICE = "signal:transfer";
    static final String INTENSIFIER = "signal:intensifier";
    static final String NEGATION = "signal:negation";
    static final String IMPATIENCE = "signal:impatience";
    static final String RHETORICAL = "signal:rhetorical";
    static final String ACCUSER = "signal:accuser";
    static final String ACCUSATION = "signal:accusation";
    static final String NOT_ACCUSER = "signal:not-accuser";
    static final String GRATITUDE = "signal:gratitude";
    static final String DELIGHT = "signal:delight";
    static final String PROBLEM = "complaint:problem";
    static final String SELF_CAUSED = "complaint:self-caused";
    static final String CALM_REQUEST = "complaint:calm-request";
    static final String NOT_PROBLEM = "complaint:not-problem";

    static String rule(String ruleId) {
        return "rule:" + ruleId;
    }

    static String repeatAsk(String ruleId) {
        return "rule:" + ruleId + ":repeat";
    }

    static String complaint(ComplaintType type) {
        return "complaint:" + type;
    }

    static String escalation(EscalationSignal signal) {
        return "escalation:" + signal;
    }

    private Lexicon() {}
}

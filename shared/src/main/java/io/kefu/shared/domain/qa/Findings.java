package io.kefu.shared.domain.qa;

import io.kefu.shared.privacy.PiiRedactor;

/** How a check states its verdict: a PASS / FAIL / NA finding with redacted, bounded evidence. */
final class Findings {
    private static final int EVIDENCE_MAX = 120;

    private Findings() {}

    /** Raw chat text as evidence: PII redacted first (a finding is stored and shown), then cut to a readable length. */
    static String evidence(String raw) {
        if (raw == null) {
            return null;
        }
        return truncate(PiiRedactor.redact(raw));
    }

    static String truncate(String redacted) {
        return redacted.length() <= EVIDENCE_MAX ? redacted : redacted.substring(0, EVIDENCE_MAX) + "…";
    }

    static Finding pass(Rule rule, Integer index, String evidence, String reason) {
        return new Finding(rule.id(), rule.kind(), Outcome.PASS, rule.redLine(), rule.weight(), rule.weight(), index,
                evidence == null ? null : evidence(evidence), reason);
    }

    static Finding fail(Rule rule, Integer index, String evidence, String reason) {
        return new Finding(rule.id(), rule.kind(), Outcome.FAIL, rule.redLine(), rule.weight(), 0, index, evidence, reason);
    }

    static Finding notApplicable(Rule rule, ChatAnalysis chat, Integer index, String key) {
        return new Finding(rule.id(), rule.kind(), Outcome.NOT_APPLICABLE, rule.redLine(), rule.weight(), 0, index,
                null, chat.reason(key));
    }
}

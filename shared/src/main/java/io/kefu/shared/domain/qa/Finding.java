package io.kefu.shared.domain.qa;

/**
 * One rule's verdict on a transcript. {@code messageIndex} is null when the finding is about the
 * whole chat (e.g. no agent reply at all); {@code evidence} is the matched or missing text, already
 * PII-redacted; {@code reason} is in the transcript's language.
 */
public record Finding(
        String ruleId,
        RuleKind kind,
        Outcome outcome,
        boolean redLine,
        int weight,
        int points,
        Integer messageIndex,
        String evidence,
        String reason) {

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    public boolean counts() {
        return outcome == Outcome.PASS || outcome == Outcome.FAIL;
    }
}

package io.kefu.cli.qa.accuracy;

/**
 * Where the scorer and the reviewer differ on one chat: {@code what} is a rule id, or {@code status}, {@code upset},
 * {@code complaint.type}, {@code complaint.severity}, {@code promise}; evidence is the scorer's (already PII-redacted).
 */
public record Disagreement(String transcriptId, String what, String gold, String scored, Integer messageIndex,
        String evidence) {}

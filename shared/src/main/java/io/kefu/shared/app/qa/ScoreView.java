package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.ScoreStatus;
import java.time.Instant;
import java.util.List;

/**
 * A stored score as QA leads read it: the automatic score and status exactly as the scorer wrote
 * them, and next to them what humans did ({@code reviewedScore}, {@code status}, overturned rules).
 * {@code applicableRules} are the rules that counted (passed or failed, not N/A): the denominator of
 * a rule's failure rate. {@code scoreKey} is the item's sort key (SCORE#rulebook#version): reviews are conditioned on it.
 */
public record ScoreView(
        String transcriptId,
        String scoreKey,
        String rulebookId,
        int rulebookVersion,
        String agentId,
        String team,
        String shopId,
        String channel,
        Instant closedAt,
        Instant scoredAt,
        int autoScore,
        String autoStatus,
        String reviewReason,
        Integer reviewedScore,
        ScoreStatus status,
        String complaintType,
        String complaintSeverity,
        List<String> failedRules,
        List<String> applicableRules,
        List<String> overturnedRules,
        String supersedes,
        String supersededBy,
        int reviewVersion) {

    public ScoreView {
        failedRules = List.copyOf(failedRules);
        applicableRules = List.copyOf(applicableRules);
        overturnedRules = List.copyOf(overturnedRules);
    }

    /** The score in force: a lead's, when there is one. */
    public int score() {
        return reviewedScore != null ? reviewedScore : autoScore;
    }

    public boolean active() {
        return supersededBy == null;
    }
}

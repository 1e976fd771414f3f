package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.ReviewAction;
import java.time.Instant;
import java.util.List;

/** One audit record (REVIEW# item): who did what to which score, when, from and to which score, why. */
public record ReviewRecord(
        String transcriptId,
        String scoreKey,
        ReviewAction action,
        String actor,
        Instant at,
        int oldScore,
        int newScore,
        String fromStatus,
        String toStatus,
        String reason,
        List<String> overturnedRules) {
    public ReviewRecord {
        overturnedRules = overturnedRules == null ? List.of() : List.copyOf(overturnedRules);
    }
}

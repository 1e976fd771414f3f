package io.kefu.shared.domain.qa;

import java.util.Locale;

/**
 * A stored score's status as QA leads see it: the scorer's {@link QaStatus} until a human touched it,
 * then REVIEWED (a lead confirmed or overrode it) or DISPUTED (an agent contests it, a lead must resolve).
 * Declared in review-queue order: what needs a lead first.
 */
public enum ScoreStatus {
    NEEDS_REVIEW, DISPUTED, FAIL, REVIEWED, PASS;

    /** Statuses the sparse ByStatus index holds (a PASS nobody reviewed carries no gsi3 key). */
    public boolean indexed() {
        return this != PASS;
    }

    public static ScoreStatus parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public static ScoreStatus of(QaStatus automatic) {
        return valueOf(automatic.name());
    }
}

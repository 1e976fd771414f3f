package io.kefu.shared.domain.qa;

import java.util.List;

/**
 * Who may do what to a score, and what it becomes. Pure: the store applies the decision with a
 * condition on the status it was decided from, so two leads racing cannot both win.
 */
public final class ReviewRules {
    public static final int MIN_REASON_LENGTH = 5;

    private ReviewRules() {}

    /**
     * @param currentScore the score in force (a previous override, else the automatic score)
     * @param failedRules  the automatic score's failed rules (what may be overturned)
     */
    public static ReviewDecision decide(ScoreStatus current, int currentScore, List<String> failedRules, ReviewRequest r) {
        if (r.actor() == null || r.actor().isBlank()) {
            throw new ReviewRejectedException("who is reviewing? (--reviewer / --agent)");
        }
        for (String rule : r.overturnedRules()) {
            if (!failedRules.contains(rule)) {
                throw new ReviewRejectedException("rule " + rule + " did not fail on this score: nothing to overturn (failed: " + failedRules + ")");
            }
        }
        return switch (r.action()) {
            case ACCEPT -> {
                notDisputed(current);
                yield new ReviewDecision(r.action(), currentScore, currentScore, current, ScoreStatus.REVIEWED);
            }
            case OVERRIDE -> {
                notDisputed(current);
                yield new ReviewDecision(r.action(), currentScore, score(r), current, ScoreStatus.REVIEWED);
            }
            case DISPUTE -> {
                reason(r);
                if (current == ScoreStatus.DISPUTED) {
                    throw new ReviewRejectedException("already disputed: a lead has to resolve it first");
                }
                yield new ReviewDecision(r.action(), currentScore, currentScore, current, ScoreStatus.DISPUTED);
            }
            case DISPUTE_REJECTED -> {
                disputed(current);
                reason(r);
                yield new ReviewDecision(r.action(), currentScore, currentScore, current, ScoreStatus.REVIEWED);
            }
            case DISPUTE_UPHELD -> {
                disputed(current);
                yield new ReviewDecision(r.action(), currentScore, score(r), current, ScoreStatus.REVIEWED);
            }
        };
    }

    private static int score(ReviewRequest r) {
        reason(r);
        if (r.newScore() == null || r.newScore() < 0 || r.newScore() > 100) {
            throw new ReviewRejectedException("a new score must be 0..100, got " + r.newScore());
        }
        return r.newScore();
    }

    /** An override without a reason is useless for calibration and for the agent. */
    private static void reason(ReviewRequest r) {
        if (r.reason() == null || r.reason().strip().length() < MIN_REASON_LENGTH) {
            throw new ReviewRejectedException("a reason of at least " + MIN_REASON_LENGTH + " characters is required");
        }
    }

    /** A disputed score is resolved (upheld or rejected), not silently re-reviewed. */
    private static void notDisputed(ScoreStatus current) {
        if (current == ScoreStatus.DISPUTED) {
            throw new ReviewRejectedException("score is disputed: resolve the dispute (qa resolve) instead");
        }
    }

    private static void disputed(ScoreStatus current) {
        if (current != ScoreStatus.DISPUTED) {
            throw new ReviewRejectedException("no open dispute (status " + current + ")");
        }
    }
}

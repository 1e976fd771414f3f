package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.ReviewDecision;
import java.util.Optional;

/** Where reviews go (DynamoDB QaScores: an audit item plus a conditional update of the score item). */
public interface QaReviewStore {
    Optional<ScoreView> current(String transcriptId);

    /**
     * Records the audit item and applies the decision to the score, only if the score is still as
     * {@code current} says (status and review version); otherwise nothing is recorded and
     * {@link io.kefu.shared.domain.qa.ReviewRejectedException} is thrown.
     */
    ReviewRecord apply(ScoreView current, ReviewDecision decision, ReviewRecord audit);
}

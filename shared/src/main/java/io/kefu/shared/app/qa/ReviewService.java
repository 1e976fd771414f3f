package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ReviewDecision;
import io.kefu.shared.domain.qa.ReviewRejectedException;
import io.kefu.shared.domain.qa.ReviewRequest;
import io.kefu.shared.domain.qa.ReviewRules;
import java.time.Clock;

/** A lead's accept/override, an agent's dispute and a lead's resolution: decide (pure), then apply conditionally. */
public final class ReviewService {
    private final QaReviewStore store;
    private final Clock clock;

    public ReviewService(QaReviewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ReviewRecord review(String transcriptId, ReviewRequest request) {
        ScoreView current = store.current(transcriptId)
                .orElseThrow(() -> new ReviewRejectedException("no score for transcript " + transcriptId));
        if (request.action() == ReviewAction.DISPUTE && !request.actor().equals(current.agentId())) {
            throw new ReviewRejectedException("only the scored agent (" + current.agentId() + ") can dispute this score");
        }
        ReviewDecision d = ReviewRules.decide(current.status(), current.score(), current.failedRules(), request);
        ReviewRecord audit = new ReviewRecord(transcriptId, current.scoreKey(), d.action(), request.actor(), clock.instant(),
                d.oldScore(), d.newScore(), d.from().name(), d.to().name(), request.reason(), request.overturnedRules());
        return store.apply(current, d, audit);
    }
}

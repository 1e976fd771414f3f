package io.kefu.shared.domain.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {
    private static final List<String> FAILED = List.of("greeting", "forbidden-phrases");

    private static ReviewDecision decide(ScoreStatus status, ReviewAction action, Integer score, String reason, List<String> overturn) {
        return ReviewRules.decide(status, 62, FAILED, new ReviewRequest(action, "lead-wang", score, reason, overturn));
    }

    @Test
    void overrideMovesToReviewedWithTheLeadsScoreAndRemembersTheOldOne() {
        ReviewDecision d = decide(ScoreStatus.NEEDS_REVIEW, ReviewAction.OVERRIDE, 85, "greeting was there, in English", List.of("greeting"));
        assertThat(d.oldScore()).isEqualTo(62);
        assertThat(d.newScore()).isEqualTo(85);
        assertThat(d.from()).isEqualTo(ScoreStatus.NEEDS_REVIEW);
        assertThat(d.to()).isEqualTo(ScoreStatus.REVIEWED);
    }

    @Test
    void acceptKeepsTheScoreAndNeedsNoReason() {
        ReviewDecision d = decide(ScoreStatus.FAIL, ReviewAction.ACCEPT, null, null, List.of());
        assertThat(d.newScore()).isEqualTo(62);
        assertThat(d.to()).isEqualTo(ScoreStatus.REVIEWED);
    }

    @Test
    void overrideWithoutAReasonOrOutOfRangeIsRejected() {
        assertThatThrownBy(() -> decide(ScoreStatus.NEEDS_REVIEW, ReviewAction.OVERRIDE, 85, " ok ", List.of()))
                .isInstanceOf(ReviewRejectedException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> decide(ScoreStatus.NEEDS_REVIEW, ReviewAction.OVERRIDE, 101, "too generous", List.of()))
                .hasMessageContaining("0..100");
        assertThatThrownBy(() -> decide(ScoreStatus.NEEDS_REVIEW, ReviewAction.OVERRIDE, null, "no number given", List.of()))
                .hasMessageContaining("0..100");
    }

    @Test
    void onlyFailedRulesCanBeOverturned() {
        assertThatThrownBy(() -> decide(ScoreStatus.NEEDS_REVIEW, ReviewAction.OVERRIDE, 90, "closing was fine", List.of("closing")))
                .hasMessageContaining("closing did not fail");
    }

    @Test
    void aDisputedScoreIsResolvedNotReviewedAndCannotBeDisputedTwice() {
        assertThat(decide(ScoreStatus.REVIEWED, ReviewAction.DISPUTE, null, "customer was joking", List.of()).to())
                .isEqualTo(ScoreStatus.DISPUTED);
        assertThatThrownBy(() -> decide(ScoreStatus.DISPUTED, ReviewAction.OVERRIDE, 90, "looks fine now", List.of()))
                .hasMessageContaining("resolve");
        assertThatThrownBy(() -> decide(ScoreStatus.DISPUTED, ReviewAction.DISPUTE, null, "again and again", List.of()))
                .hasMessageContaining("already disputed");
        ReviewDecision upheld = decide(ScoreStatus.DISPUTED, ReviewAction.DISPUTE_UPHELD, 90, "agent is right", List.of("greeting"));
        assertThat(upheld.newScore()).isEqualTo(90);
        assertThat(upheld.to()).isEqualTo(ScoreStatus.REVIEWED);
        assertThat(decide(ScoreStatus.DISPUTED, ReviewAction.DISPUTE_REJECTED, null, "score stands", List.of()).newScore()).isEqualTo(62);
    }

    @Test
    void resolvingWithoutAnOpenDisputeIsRejected() {
        assertThatThrownBy(() -> decide(ScoreStatus.NEEDS_REVIEW, ReviewAction.DISPUTE_REJECTED, null, "score stands", List.of()))
                .hasMessageContaining("no open dispute");
    }

    @Test
    void everyReviewNamesItsReviewer() {
        assertThatThrownBy(() -> ReviewRules.decide(ScoreStatus.PASS, 90, List.of(),
                new ReviewRequest(ReviewAction.ACCEPT, " ", null, null, List.of()))).hasMessageContaining("who");
    }
}

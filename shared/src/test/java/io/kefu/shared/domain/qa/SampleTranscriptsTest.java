package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.ScorerFixture.DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.testing.EventFixtures;
import org.junit.jupiter.api.Test;

/** The events/transcripts samples (also the README demo) score as their names say. */
class SampleTranscriptsTest {
    private static QaScore score(String name) {
        return DEFAULT.score(TranscriptMessage.CONTRACT.decode(EventFixtures.transcript(name)).toTranscript());
    }

    private static Outcome outcome(QaScore score, String ruleId) {
        return ScorerFixture.finding(score, ruleId).outcome();
    }

    @Test
    void goodAgentsScoreFullMarks() {
        assertThat(score("zh-good-agent").score()).isEqualTo(100);
        assertThat(score("en-good-agent").score()).isEqualTo(100);
    }

    @Test
    void rudeAgentFailsOnARedLine() {
        QaScore s = score("zh-rude-agent");
        assertThat(s.status()).isEqualTo(QaStatus.FAIL);
        assertThat(outcome(s, "forbidden")).isEqualTo(Outcome.FAIL);
        assertThat(outcome(s, "insult")).isEqualTo(Outcome.FAIL);
        assertThat(outcome(s, "empathy")).isEqualTo(Outcome.FAIL);
        assertThat(outcome(s, "slang")).isEqualTo(Outcome.PASS);
        assertThat(s.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
    }

    @Test
    void slowAgentFailsTimingAndNeedsReview() {
        QaScore s = score("en-slow-agent");
        assertThat(outcome(s, "first-response")).isEqualTo(Outcome.FAIL);
        assertThat(outcome(s, "reply-gap")).isEqualTo(Outcome.FAIL);
        assertThat(s.status()).isEqualTo(QaStatus.NEEDS_REVIEW);
        assertThat(s.reviewReason()).isEqualTo(ReviewReason.LOW_SCORE);
    }

    @Test
    void angryCustomerSoothedPassesEmpathyAndIsGradedHigh() {
        QaScore s = score("zh-angry-customer-soothed");
        assertThat(outcome(s, "empathy")).isEqualTo(Outcome.PASS);
        assertThat(s.complaint().severity()).isEqualTo(ComplaintSeverity.HIGH);
        assertThat(s.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
        assertThat(s.score()).isEqualTo(100);
    }

    @Test
    void promisesBecomeFollowUps() {
        assertThat(score("zh-promise-made").promises()).singleElement()
                .satisfies(p -> assertThat(p.messageIndex()).isEqualTo(2));
        assertThat(score("en-promise-made").promises()).hasSize(1);
    }

    @Test
    void piiLeakIsARedLineAndStoredEvidenceIsRedacted() {
        QaScore s = score("zh-pii-leaked");
        assertThat(s.status()).isEqualTo(QaStatus.FAIL);
        Finding f = ScorerFixture.finding(s, "pii-disclosure");
        assertThat(f.messageIndex()).isEqualTo(2);
        assertThat(f.evidence()).contains("[MOBILE]").doesNotContain("1234 5678").doesNotContain("张江路88号");
    }

    @Test
    void announcedTransferInTraditionalPassesAndRepeatAskFails() {
        assertThat(outcome(score("zh-transfer"), "transfer")).isEqualTo(Outcome.PASS);
        assertThat(score("zh-transfer").score()).isEqualTo(100);
        assertThat(outcome(score("en-transfer-repeat"), "transfer")).isEqualTo(Outcome.FAIL);
    }

    @Test
    void samplesGiveTheDemoItsTwoFollowUpsAndOnlyTheirNamedFailures() {
        String[] names = {"zh-good-agent", "en-good-agent", "zh-rude-agent", "en-slow-agent", "zh-angry-customer-soothed",
                "zh-promise-made", "en-promise-made", "zh-pii-leaked", "zh-transfer", "en-transfer-repeat"};
        int promises = 0;
        StringBuilder summary = new StringBuilder();
        for (String name : names) {
            QaScore s = score(name);
            promises += s.promises().size();
            summary.append(name).append(' ').append(s.score()).append(' ').append(s.status()).append(' ')
                    .append(s.failures().stream().map(Finding::ruleId).toList()).append(' ').append(s.promises().size())
                    .append('\n');
        }
        assertThat(promises).as(summary.toString()).isEqualTo(2);
        assertThat(summary.toString()).as(summary.toString()).contains("zh-angry-customer-soothed 100 ");
    }
}

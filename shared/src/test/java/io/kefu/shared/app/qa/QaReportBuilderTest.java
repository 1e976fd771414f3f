package io.kefu.shared.app.qa;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.qa.ScoreStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QaReportBuilderTest {
    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    static ScoreView score(String id, String agent, String closed, int auto, Integer reviewed, ScoreStatus status,
            List<String> failed, List<String> applicable, String complaint) {
        return new ScoreView(id, "SCORE#default#000001", "default", 1, agent, "team-a", "shop", "tmall", Instant.parse(closed),
                Instant.parse(closed), auto, auto < 80 ? "NEEDS_REVIEW" : "PASS", null, reviewed, status, complaint,
                complaint.equals("NONE") ? "NONE" : "HIGH", failed, applicable, List.of(), null, null, 0);
    }

    private final List<ScoreView> scores = List.of(
            score("t1", "a1", "2026-11-09T02:00:00Z", 100, null, ScoreStatus.PASS, List.of(), List.of("greeting", "closing"), "NONE"),
            score("t2", "a1", "2026-11-10T02:00:00Z", 55, 85, ScoreStatus.REVIEWED, List.of("greeting"), List.of("greeting", "closing"), "LOGISTICS"),
            score("t3", "a2", "2026-11-16T02:00:00Z", 40, null, ScoreStatus.NEEDS_REVIEW, List.of("greeting", "closing"), List.of("greeting", "closing"), "LOGISTICS"),
            score("t4", "a2", "2026-11-17T02:00:00Z", 90, null, ScoreStatus.PASS, List.of(), List.of("greeting"), "PRODUCT_QUALITY"));

    private QaReport report() {
        return QaReportBuilder.build(scores, List.of(scores.get(2)), Map.of("a1", new AgentCsat("a1", 10, 42, 8)),
                Instant.parse("2026-11-01T00:00:00Z"), NOW, NOW, CST, List.of());
    }

    @Test
    void distributionUsesTheScoreInForceAndPutsHundredInTheTopBand() {
        List<QaReport.Bucket> d = report().distribution();
        assertThat(d).hasSize(10);
        assertThat(d.get(9)).isEqualTo(new QaReport.Bucket("90-100", 2));
        assertThat(d.get(8).count()).isEqualTo(1);          // 55 overridden to 85
        assertThat(d.get(4).count()).isEqualTo(1);          // 40
        assertThat(d.get(5).count()).isZero();
    }

    @Test
    void weeksAreIsoWeeksInTheShopZone() {
        assertThat(report().weeklyTrend()).containsExactly(
                new QaReport.Week("2026-W46", "2026-11-09", 2, 92.5),
                new QaReport.Week("2026-W47", "2026-11-16", 2, 65.0));
    }

    @Test
    void leaderboardRuleRatesComplaintsAndCsat() {
        QaReport r = report();
        assertThat(r.leaderboard()).extracting(QaReport.AgentRow::agentId).containsExactly("a1", "a2");
        assertThat(r.leaderboard().get(0).averageScore()).isEqualTo(92.5);
        assertThat(r.ruleFailures()).containsExactly(
                new QaReport.RuleRow("greeting", 4, 2, 50.0), new QaReport.RuleRow("closing", 3, 1, 33.3));
        assertThat(r.complaints()).containsExactly(new QaReport.ComplaintRow("LOGISTICS", 2, 2), new QaReport.ComplaintRow("PRODUCT_QUALITY", 1, 1));
        assertThat(r.qaVsCsat()).containsExactly(new QaReport.CsatPoint("a1", 92.5, 80.0, 10, 2));
        assertThat(r.summary().overridden()).isEqualTo(1);
        assertThat(r.summary().passRate()).isEqualTo(75.0);
    }

    @Test
    void backlogIsBucketedByDaysSinceTheChatClosed() {
        QaReport r = report();
        assertThat(r.backlogByAge()).extracting(QaReport.Bucket::count).containsExactly(0, 1, 0, 0, 0);   // closed 3.9 days ago
        assertThat(r.backlogByStatus()).containsEntry("NEEDS_REVIEW", 1).containsEntry("DISPUTED", 0);
    }
}

package io.kefu.cli.qa;

import static io.kefu.cli.qa.QaListAndShowTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.app.qa.ReviewRecord;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.aws.qa.DynamoQaReviewStore;
import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ReviewRules;
import io.kefu.shared.domain.qa.ReviewRejectedException;
import io.kefu.shared.domain.qa.ReviewRequest;
import io.kefu.shared.domain.qa.RulebookLoader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reviews, disputes and calibration, each test on a fresh stage with the sample transcripts scored for real. */
class QaReviewTest {
    static final String RUDE = "chat-20261111-0003";   // agent-013, red line: FAIL
    QaFixture fx;

    @BeforeEach
    void seed() throws Exception {
        fx = new QaFixture().scoreSamples();
    }

    private Map<String, AttributeValue> scoreItem(String id) {
        return fx.item(id, String.format("SCORE#default#%06d", RulebookLoader.defaultRulebook().version()));
    }

    @Test
    void overrideKeepsTheAutomaticScoreAndRecordsWhoWhenOldNewAndWhy() throws Exception {
        String id = needsReviewId();
        int auto = Integer.parseInt(scoreItem(id).get("score").n());
        JsonNode audit = json(fx.qa("review", id, "--score", "88", "--reason", "客户满意，开场白用了英文", "--reviewer", "lead-wang", "--json"));
        assertThat(audit.get("action").asText()).isEqualTo("OVERRIDE");
        assertThat(audit.get("actor").asText()).isEqualTo("lead-wang");
        assertThat(audit.get("oldScore").asInt()).isEqualTo(auto);
        assertThat(audit.get("newScore").asInt()).isEqualTo(88);
        assertThat(audit.get("at").asText()).isEqualTo(QaFixture.NOW.toString());

        Map<String, AttributeValue> item = scoreItem(id);
        assertThat(item.get("score").n()).isEqualTo(Integer.toString(auto));          // never overwritten
        assertThat(item.get("autoStatus").s()).isEqualTo("NEEDS_REVIEW");
        assertThat(item.get("status").s()).isEqualTo("REVIEWED");
        assertThat(item.get("reviewedScore").n()).isEqualTo("88");
        assertThat(item.get("gsi3pk").s()).isEqualTo("STATUS#REVIEWED");

        JsonNode shown = json(fx.qa("show", id, "--json"));
        assertThat(shown.get("score").get("autoScore").asInt()).isEqualTo(auto);
        assertThat(shown.get("score").get("reviewedScore").asInt()).isEqualTo(88);
        assertThat(shown.get("reviews")).hasSize(1);
        assertThat(shown.get("reviews").get(0).get("reason").asText()).isEqualTo("客户满意，开场白用了英文");
        assertThat(fx.qa("show", id).out()).contains("review trail:", "OVERRIDE", "lead-wang", auto + " → 88", "score " + auto + "→88");

        assertThat(QaListAndShowTest.ids(json(fx.qa("list", "--status", "NEEDS_REVIEW", "--limit", "100", "--json")))).doesNotContain(id);
        assertThat(QaListAndShowTest.ids(json(fx.qa("list", "--status", "REVIEWED", "--json")))).containsExactly(id);
    }

    @Test
    void acceptConfirmsAndAnOverrideWithoutReasonIsRefused() throws Exception {
        QaFixture.Run refused = fx.qa("review", RUDE, "--score", "50", "--reviewer", "lead-wang");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("reason");
        assertThat(fx.qa("show", RUDE, "--json").out()).contains("\"reviews\":[]");

        JsonNode audit = json(fx.qa("review", RUDE, "--accept", "--reviewer", "lead-li", "--json"));
        assertThat(audit.get("action").asText()).isEqualTo("ACCEPT");
        assertThat(audit.get("fromStatus").asText()).isEqualTo("FAIL");
        assertThat(audit.get("newScore").asInt()).isEqualTo(audit.get("oldScore").asInt());
        assertThat(scoreItem(RUDE).get("status").s()).isEqualTo("REVIEWED");
    }

    @Test
    void disputeByTheScoredAgentIsResolvedByALeadAndEveryStepIsAudited() throws Exception {
        QaFixture.Run wrongAgent = fx.qa("dispute", RUDE, "--agent", "agent-001", "--reason", "not my chat at all");
        assertThat(wrongAgent.exit()).isEqualTo(2);
        assertThat(wrongAgent.err()).contains("only the scored agent (agent-013)");

        assertThat(json(fx.qa("dispute", RUDE, "--agent", "agent-013", "--reason", "客户先辱骂我", "--json")).get("toStatus").asText())
                .isEqualTo("DISPUTED");
        assertThat(scoreItem(RUDE).get("gsi3pk").s()).isEqualTo("STATUS#DISPUTED");
        assertThat(QaListAndShowTest.ids(json(fx.qa("list", "--status", "DISPUTED", "--json")))).containsExactly(RUDE);

        QaFixture.Run reviewWhileDisputed = fx.qa("review", RUDE, "--score", "70", "--reason", "looks fine", "--reviewer", "lead-wang",
                "--now", "2026-11-20T01:00:00Z");
        assertThat(reviewWhileDisputed.exit()).isEqualTo(2);
        assertThat(reviewWhileDisputed.err()).contains("qa resolve");

        JsonNode resolved = json(fx.qa("resolve", RUDE, "--uphold", "--score", "60", "--reason", "provoked; still rude",
                "--reviewer", "lead-wang", "--now", "2026-11-20T02:00:00Z", "--json"));
        assertThat(resolved.get("action").asText()).isEqualTo("DISPUTE_UPHELD");
        assertThat(resolved.get("toStatus").asText()).isEqualTo("REVIEWED");
        assertThat(scoreItem(RUDE).get("reviewedScore").n()).isEqualTo("60");
        assertThat(scoreItem(RUDE).get("score").n()).isEqualTo("0");
        JsonNode reviews = json(fx.qa("show", RUDE, "--json", "--now", "2026-11-20T03:00:00Z")).get("reviews");
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).get("action").asText()).isEqualTo("DISPUTE");
        assertThat(reviews.get(1).get("actor").asText()).isEqualTo("lead-wang");
    }

    @Test
    void aReviewDecidedOnAStaleScoreLosesAndLeavesNoAuditRecord() {
        var store = new DynamoQaReviewStore(fx.stack.dynamoDb(), fx.table);
        ScoreView seen = store.current(RUDE).orElseThrow();
        ReviewRequest first = new ReviewRequest(ReviewAction.OVERRIDE, "lead-a", 30, "first reviewer", List.of());
        var d1 = ReviewRules.decide(seen.status(), seen.score(), seen.failedRules(), first);
        store.apply(seen, d1, audit(seen, "lead-a", Instant.parse("2026-11-20T00:00:00Z"), d1.newScore()));
        ReviewRequest second = new ReviewRequest(ReviewAction.OVERRIDE, "lead-b", 40, "second reviewer", List.of());
        var d2 = ReviewRules.decide(seen.status(), seen.score(), seen.failedRules(), second);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        store.apply(seen, d2, audit(seen, "lead-b", Instant.parse("2026-11-20T00:00:01Z"), d2.newScore())))
                .isInstanceOf(ReviewRejectedException.class).hasMessageContaining("changed meanwhile");
        assertThat(new io.kefu.shared.aws.qa.QaScoreQueries(fx.stack.dynamoDb(), fx.table).reviews(RUDE))
                .extracting(ReviewRecord::actor).containsExactly("lead-a");
        assertThat(scoreItem(RUDE).get("reviewedScore").n()).isEqualTo("30");
    }

    @Test
    void calibrationRanksRulesLeadsOverturn() throws Exception {
        JsonNode rude = json(fx.qa("show", RUDE, "--json"));
        String failedRule = rude.get("score").get("failedRules").get(0).asText();
        fx.qa("review", RUDE, "--score", "40", "--reason", "only one rude word", "--overturn", failedRule, "--reviewer", "lead-wang");
        String other = needsReviewId();
        fx.qa("review", other, "--accept", "--reviewer", "lead-wang");
        JsonNode cal = json(fx.qa("calibrate", "--since", "30d", "--json"));
        assertThat(cal.get("samples").asInt()).isEqualTo(2);
        JsonNode top = cal.get("rules").get(0);
        assertThat(top.get("ruleId").asText()).isEqualTo(failedRule);
        assertThat(top.get("overturned").asInt()).isEqualTo(1);
        assertThat(top.get("meanDelta").asDouble()).isEqualTo(40.0);
        assertThat(fx.qa("calibrate").out()).contains("2 reviewed score(s)", failedRule, "100%");
    }

    private String needsReviewId() throws Exception {
        JsonNode doc = json(fx.qa("list", "--status", "NEEDS_REVIEW", "--limit", "1", "--json"));
        return doc.get("items").get(0).get("transcriptId").asText();
    }

    private static ReviewRecord audit(ScoreView v, String actor, Instant at, int newScore) {
        return new ReviewRecord(v.transcriptId(), v.scoreKey(), ReviewAction.OVERRIDE, actor, at, v.score(), newScore,
                v.status().name(), "REVIEWED", "race", List.of());
    }
}

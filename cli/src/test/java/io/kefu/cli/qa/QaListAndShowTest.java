package io.kefu.cli.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.json.Json;
import io.kefu.shared.domain.qa.RulebookLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Read-only commands over one seeded stage (sample transcripts scored for real + 36 synthetic scores). */
class QaListAndShowTest {
    static QaFixture fx;

    @BeforeAll
    static void seed() throws Exception {
        fx = new QaFixture().scoreSamples().seedVolume();
    }

    static JsonNode json(QaFixture.Run run) throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }

    static List<String> ids(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        doc.get("items").forEach(i -> ids.add(i.get("transcriptId").asText()));
        return ids;
    }

    @Test
    void listByAgentReadsTheAgentIndexAndReturnsOnlyTheirScoresNewestFirst() throws Exception {
        JsonNode doc = json(fx.qa("list", "--agent", "s-agent-1", "--limit", "50", "--json"));
        assertThat(doc.get("plan").asText()).startsWith("ByAgent AGENT#s-agent-1");
        long expected = fx.seeds.stream().filter(s -> s.agent().equals("s-agent-1")).count();
        assertThat(doc.get("count").asInt()).isEqualTo((int) expected);
        doc.get("items").forEach(i -> assertThat(i.get("agentId").asText()).isEqualTo("s-agent-1"));
    }

    @Test
    void listWithoutFiltersShowsTheReviewQueueNeedsReviewFirstAndSaysWhy() throws Exception {
        QaFixture.Run run = fx.qa("list", "--limit", "100", "--json");
        JsonNode doc = json(run);
        assertThat(doc.get("notes").toString()).contains("review queue");
        List<String> statuses = new ArrayList<>();
        doc.get("items").forEach(i -> statuses.add(i.get("status").asText()));
        assertThat(statuses).contains("NEEDS_REVIEW", "FAIL").doesNotContain("PASS");
        assertThat(statuses.indexOf("FAIL")).isGreaterThan(statuses.lastIndexOf("NEEDS_REVIEW"));
    }

    @Test
    void listByStatusTeamRuleAndScoreRangeUsesTheMatchingIndex() throws Exception {
        long needsReview = fx.seeds.stream().filter(s -> s.status().name().equals("NEEDS_REVIEW")).count();
        JsonNode byStatus = json(fx.qa("list", "--status", "needs_review", "--team", "seed-east", "--limit", "100", "--json"));
        assertThat(byStatus.get("plan").asText()).startsWith("ByStatus STATUS#NEEDS_REVIEW");
        assertThat(byStatus.get("count").asInt()).isEqualTo((int) fx.seeds.stream()
                .filter(s -> s.team().equals("seed-east") && s.status().name().equals("NEEDS_REVIEW")).count());
        assertThat(needsReview).isGreaterThan(byStatus.get("count").asInt());

        JsonNode byTeam = json(fx.qa("list", "--team", "seed-west", "--min-score", "60", "--max-score", "79", "--limit", "100", "--json"));
        assertThat(byTeam.get("plan").asText()).startsWith("ByTeamDay");
        assertThat(ids(byTeam)).containsExactlyInAnyOrderElementsOf(fx.seeds.stream()
                .filter(s -> s.team().equals("seed-west") && s.score() >= 60 && s.score() <= 79).map(QaFixture.Seed::id).toList());

        JsonNode byRule = json(fx.qa("list", "--rule", "closing", "--team", "seed-east", "--limit", "100", "--json"));
        assertThat(byRule.get("plan").asText()).startsWith("QaScores RULE#closing");
        assertThat(ids(byRule)).containsExactlyInAnyOrderElementsOf(fx.seeds.stream()
                .filter(s -> s.failed().contains("closing") && s.team().equals("seed-east")).map(QaFixture.Seed::id).toList());
    }

    @Test
    void aTeamListAlsoNarrowsAStatusListing() throws Exception {
        JsonNode doc = json(fx.qa("list", "--status", "NEEDS_REVIEW", "--teams", "seed-west", "--limit", "100", "--json"));
        assertThat(doc.get("count").asInt()).isEqualTo((int) fx.seeds.stream()
                .filter(s -> s.team().equals("seed-west") && s.status().name().equals("NEEDS_REVIEW")).count());
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() throws Exception {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            List<String> args = new ArrayList<>(List.of("list", "--teams", "seed-east,seed-west", "--limit", "7", "--json"));
            if (cursor != null) {
                args.addAll(List.of("--cursor", cursor));
            }
            JsonNode doc = json(fx.qa(args.toArray(String[]::new)));
            assertThat(doc.get("count").asInt()).isLessThanOrEqualTo(7);
            for (String id : ids(doc)) {
                assertThat(seen.add(id)).as("repeated " + id).isTrue();
            }
            cursor = doc.hasNonNull("nextCursor") ? doc.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(fx.seeds.size());
        assertThat(pages).isGreaterThanOrEqualTo(6);
    }

    @Test
    void tableOutputHasAHeaderARowPerScoreAndTheNextPageHint() {
        QaFixture.Run run = fx.qa("list", "--team", "seed-east", "--limit", "5");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("TRANSCRIPT", "CLOSED (CST)", "FAILED RULES", "5 score(s) via ByTeamDay", "more: --cursor ");
    }

    @Test
    void showMarksEachFindingAtItsMessageWithPointsAndRulebookVersion() {
        QaFixture.Run run = fx.qa("show", "chat-20261111-0003");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("rulebook default@" + RulebookLoader.defaultRulebook().version(), "agent agent-013", "[3] AGENT", "爱买不买");
        // the complaint grade and the complaint-type model that made it, told apart from a retrained one
        assertThat(run.out()).containsPattern("(?m)^complaint PRODUCT_QUALITY / MEDIUM  \\(complaint-type model sha256:[0-9a-f]{12}\\)$");
        String afterRude = run.out().substring(run.out().indexOf("[3] AGENT"));
        assertThat(afterRude).containsPattern("✗ \\S+ FAIL");
    }

    @Test
    void showPrintsTheRedactedTranscriptNeverThePii() throws Exception {
        JsonNode doc = json(fx.qa("show", "chat-20261111-0008", "--json"));
        String pii = doc.get("messages").toString();
        assertThat(fx.qa("show", "chat-20261111-0008").out()).doesNotContainPattern("1[3-9]\\d{9}");
        assertThat(pii).doesNotContainPattern("1[3-9]\\d{9}");
        assertThat(doc.get("score").get("rulebookVersion").asInt()).isEqualTo(RulebookLoader.defaultRulebook().version());
        assertThat(doc.get("findings").size()).isGreaterThan(3);
    }

    @Test
    void unknownTranscriptIsAnErrorNotAStackTrace() {
        QaFixture.Run run = fx.qa("show", "no-such-chat");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("error: no score for transcript no-such-chat");
    }
}

package io.kefu.cli.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's numbers, read back from the file (embedded JSON and the SVG marks' data-* attributes). */
class QaReportTest {
    static QaFixture fx;
    static Path html;
    static Path csv;
    static String page;
    static JsonNode data;

    @BeforeAll
    static void render(@TempDir Path dir) throws Exception {
        fx = new QaFixture().scoreSamples().seedVolume();
        fx.surveyCell("2026-11-10", "POST_CHAT", "seed-east", "s-agent-1", 10, 42, 8);
        fx.surveyCell("2026-11-12", "POST_DELIVERY", "seed-east", "s-agent-1", 5, 25, 5);
        fx.surveyCell("2026-11-12", "POST_CHAT", "seed-west", "s-agent-3", 4, 9, 1);
        fx.surveyCell("2026-11-12", "POST_DELIVERY", "-", "-", 50, 200, 40);          // no agent: not an agent's CSAT
        // chat-20261111-0003 is disputed: the backlog counts it
        fx.qa("dispute", "chat-20261111-0003", "--agent", "agent-013", "--reason", "customer insulted me first");
        html = dir.resolve("report.html");
        csv = dir.resolve("scores.csv");
        QaFixture.Run run = fx.qa("report", "--since", "30d", "--teams", "seed-east,seed-west", "--out", html.toString(), "--csv", csv.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote " + html + ": 36 scores, 4 agents");
        page = Files.readString(html);
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"qa-report-data\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        data = Json.mapper().readTree(m.group(1).replace("<\\/", "</"));
    }

    /** data-label -> data-value of one chart's marks. */
    static Map<String, String> marks(String chart, String attribute) {
        int start = page.indexOf("data-chart=\"" + chart + "\"");
        assertThat(start).as(chart).isPositive();
        String figure = page.substring(start, page.indexOf("</figure>", start));
        Map<String, String> out = new TreeMap<>();
        Matcher m = Pattern.compile("data-label=\"([^\"]*)\"[^>]*?(?:" + attribute + ")=\"([^\"]*)\"").matcher(figure);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void isSelfContainedWithEverySevenCharts() {
        assertThat(page).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//").doesNotContain("<link ").doesNotContain("@import");
        assertThat(page).doesNotContainPattern("<script(?! type=\"application/json\")");
        for (String chart : List.of("score-distribution", "weekly-trend", "agent-leaderboard", "rule-failure-rate",
                "review-backlog", "complaint-types", "qa-vs-csat")) {
            assertThat(page).contains("data-chart=\"" + chart + "\"");
            assertThat(marks(chart, "data-value|data-csat")).as(chart).isNotEmpty();
        }
    }

    @Test
    void scoreDistributionMatchesTheSeededScores() {
        int[] expected = new int[10];
        fx.seeds.forEach(s -> expected[Math.min(9, s.score() / 10)]++);
        Map<String, String> bars = marks("score-distribution", "data-count");
        for (int i = 0; i < 10; i++) {
            String band = i * 10 + "-" + (i == 9 ? 100 : i * 10 + 9);
            assertThat(bars.get(band)).as(band).isEqualTo(Integer.toString(expected[i]));
            assertThat(data.get("distribution").get(i).get("count").asInt()).isEqualTo(expected[i]);
        }
        assertThat(data.get("summary").get("scores").asInt()).isEqualTo(36);
    }

    @Test
    void weeklyTrendLeaderboardRulesAndComplaintsMatchTheSeeds() {
        ZoneId cst = ZoneId.of("Asia/Shanghai");
        Map<String, List<Integer>> weeks = new TreeMap<>();
        fx.seeds.forEach(s -> weeks.computeIfAbsent(s.closedAt().atZone(cst).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), k -> new ArrayList<>()).add(s.score()));
        JsonNode trend = data.get("weeklyTrend");
        assertThat(trend).hasSize(weeks.size());
        int i = 0;
        for (var e : weeks.entrySet()) {
            assertThat(trend.get(i).get("weekStart").asText()).isEqualTo(e.getKey());
            assertThat(trend.get(i).get("scores").asInt()).isEqualTo(e.getValue().size());
            assertThat(trend.get(i).get("averageScore").asDouble())
                    .isEqualTo(Math.round(e.getValue().stream().mapToInt(x -> x).average().orElseThrow() * 10) / 10.0);
            i++;
        }
        Map<String, String> weekCounts = marks("weekly-trend", "data-count");
        assertThat(weekCounts.values().stream().mapToInt(Integer::parseInt).sum()).isEqualTo(36);

        Map<String, String> agents = marks("agent-leaderboard", "data-value");
        double a1 = fx.seeds.stream().filter(s -> s.agent().equals("s-agent-1")).mapToInt(QaFixture.Seed::score).average().orElseThrow();
        assertThat(agents.get("s-agent-1 (9)")).isEqualTo(num(Math.round(a1 * 10) / 10.0));
        List<Double> ranked = new ArrayList<>();
        data.get("leaderboard").forEach(r -> ranked.add(r.get("averageScore").asDouble()));
        assertThat(ranked).isSortedAccordingTo((x, y) -> Double.compare(y, x));

        long greetingFails = fx.seeds.stream().filter(s -> s.failed().contains("greeting")).count();
        Map<String, String> rules = marks("rule-failure-rate", "data-failed");
        assertThat(rules.get("greeting")).isEqualTo(Long.toString(greetingFails));
        assertThat(marks("rule-failure-rate", "data-applicable").get("greeting")).isEqualTo("36");
        assertThat(marks("rule-failure-rate", "data-value").get("greeting")).isEqualTo(num(Math.round(greetingFails * 1000.0 / 36) / 10.0));
        assertThat(rules).doesNotContainKey("empathy");                                   // never applicable

        assertThat(marks("complaint-types", "data-count")).containsEntry("LOGISTICS", "6").containsEntry("PRODUCT_QUALITY", "6");
    }

    @Test
    void backlogCountsOpenItemsOfTheCoveredTeamsByAge() {
        long open = fx.seeds.stream().filter(s -> s.status().name().equals("NEEDS_REVIEW")).count();
        Map<String, String> ages = marks("review-backlog", "data-count");
        assertThat(ages.values().stream().mapToInt(Integer::parseInt).sum()).isEqualTo((int) open);   // the dispute is another team's
        assertThat(data.get("summary").get("openBacklog").asInt()).isEqualTo((int) open);
    }

    @Test
    void qaVsCsatUsesTheSurveyAggregatesPerAgent() {
        Map<String, String> csat = marks("qa-vs-csat", "data-csat");
        assertThat(csat).containsOnlyKeys("s-agent-1", "s-agent-3");
        assertThat(csat.get("s-agent-1")).isEqualTo("86.7");                             // 13 of 15 answers were 4-5
        assertThat(csat.get("s-agent-3")).isEqualTo("25");
        assertThat(marks("qa-vs-csat", "data-responses")).containsEntry("s-agent-1", "15");
    }

    @Test
    void csvHasARowPerScoreForSpreadsheets() throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFtranscriptId,closedAt,agentId,team");
        assertThat(lines).hasSize(37);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"seed-000\",").contains(",\"s-agent-1\",\"seed-east\","));
    }

    @Test
    void withoutATeamListTheReportFindsTeamsWithOneScanAndSaysSo(@TempDir Path dir) {
        QaFixture.Run run = fx.qa("report", "--since", "30d", "--out", dir.resolve("all.html").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(": 46 scores", "note: no team registry: scanned the scores table once");
        QaFixture.Run again = fx.qa("report", "--since", "30d", "--out", dir.resolve("all2.html").toString());
        assertThat(again.out()).contains(": 46 scores", "teams from the registry: [global-store-cs, seed-east, seed-west, tmall-flagship-cs]")
                .doesNotContain("scanned");
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}

package io.kefu.shared.app.qa;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the QA report shows, computed (by {@link QaReportBuilder}) before any rendering, so the
 * HTML charts, the embedded JSON and the tests read the same numbers.
 */
public record QaReport(
        Instant from,
        Instant to,
        Instant generatedAt,
        String zone,
        Summary summary,
        List<Bucket> distribution,
        List<Week> weeklyTrend,
        List<AgentRow> leaderboard,
        List<RuleRow> ruleFailures,
        List<Bucket> backlogByAge,
        Map<String, Integer> backlogByStatus,
        List<ComplaintRow> complaints,
        List<CsatPoint> qaVsCsat,
        List<String> notes) {

    public record Summary(int scores, double averageScore, double passRate, int reviewed, int overridden, int disputed, int openBacklog) {}

    /** A histogram bar: a score band ("90-100") or an age band ("0-1d"). */
    public record Bucket(String label, int count) {}

    /** ISO week in the shop's zone, e.g. 2026-W46 (Monday {@code weekStart}). */
    public record Week(String week, String weekStart, int scores, double averageScore) {}

    public record AgentRow(String agentId, String team, int scores, double averageScore, int failed, int reviewed) {}

    /** {@code applicable}: scores where the rule counted (not N/A); {@code failureRate} in percent. */
    public record RuleRow(String ruleId, int applicable, int failed, double failureRate) {}

    public record ComplaintRow(String type, int count, int high) {}

    public record CsatPoint(String agentId, double qaAverage, double csatPercent, long responses, int scores) {}
}

package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.ScoreStatus;
import java.time.Instant;
import java.util.List;

/**
 * What `qa list` (and the report) select. {@code from} inclusive, {@code to} exclusive, on the chat's
 * close time. {@code teams} is the team list for "every team" (flag or registry item), used only
 * when neither agent, rule, team nor status picks a narrower index.
 */
public record ScoreFilter(
        String agentId,
        String team,
        List<String> teams,
        List<ScoreStatus> statuses,
        String ruleId,
        Integer minScore,
        Integer maxScore,
        Instant from,
        Instant to) {

    public ScoreFilter {
        teams = teams == null ? List.of() : List.copyOf(teams);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static ScoreFilter between(Instant from, Instant to) {
        return new ScoreFilter(null, null, List.of(), List.of(), null, null, null, from, to);
    }

    public ScoreFilter withTeams(List<String> all) {
        return new ScoreFilter(agentId, team, all, statuses, ruleId, minScore, maxScore, from, to);
    }

    public ScoreFilter withStatuses(List<ScoreStatus> s) {
        return new ScoreFilter(agentId, team, teams, s, ruleId, minScore, maxScore, from, to);
    }

    /** The filter's conditions, checked in memory (after an index query, or on a rule-index page). */
    public boolean matches(ScoreView v) {
        return (agentId == null || agentId.equals(v.agentId()))
                && (team == null || team.equals(v.team()))
                && (teams.isEmpty() || teams.contains(v.team()))
                && (statuses.isEmpty() || statuses.contains(v.status()))
                && (ruleId == null || v.failedRules().contains(ruleId))
                && (minScore == null || v.score() >= minScore)
                && (maxScore == null || v.score() <= maxScore)
                && (from == null || !v.closedAt().isBefore(from))
                && (to == null || v.closedAt().isBefore(to));
    }
}

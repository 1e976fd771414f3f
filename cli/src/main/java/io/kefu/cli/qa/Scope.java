package io.kefu.cli.qa;

import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.aws.qa.QaScoreQueries;
import io.kefu.shared.domain.qa.ScoreStatus;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Every team" needs a team list: ByTeamDay is one partition per team and day. It comes from
 * --teams, else the registry item; with neither, a listing falls back to the review queue (ByStatus)
 * and the report and re-scoring discover teams with one scan, saying so.
 */
final class Scope {
    static final List<ScoreStatus> REVIEW_QUEUE = List.of(ScoreStatus.NEEDS_REVIEW, ScoreStatus.DISPUTED, ScoreStatus.FAIL);

    private Scope() {}

    static boolean needsTeams(ScoreFilter f) {
        boolean byStatus = !f.statuses().isEmpty() && f.statuses().stream().allMatch(ScoreStatus::indexed);
        return f.agentId() == null && f.ruleId() == null && f.team() == null && !byStatus;
    }

    /** For `qa list`: the team list, or the review queue when there is none. */
    static ScoreFilter forListing(ScoreFilter f, List<String> teamsFlag, QaScoreQueries q, Consumer<String> notes) {
        if (!needsTeams(f)) {
            return teamsFlag.isEmpty() ? f : f.withTeams(teamsFlag);   // then --teams only narrows
        }
        List<String> teams = teamsFlag.isEmpty() ? q.teams() : teamsFlag;
        if (!teams.isEmpty()) {
            return f.withTeams(teams);
        }
        if (f.statuses().isEmpty()) {
            notes.accept("no team list (--teams or `kefu qa teams add`): showing the review queue NEEDS_REVIEW, DISPUTED, FAIL");
            return f.withStatuses(REVIEW_QUEUE);
        }
        throw new IllegalArgumentException("PASS scores are not in the status index: add --agent, --team or --teams");
    }

    /** For the report and re-scoring: every team, discovering them with one scan if nobody recorded them. */
    static ScoreFilter allTeams(ScoreFilter f, List<String> teamsFlag, QaScoreQueries q, Consumer<String> notes) {
        if (!needsTeams(f)) {
            return f;
        }
        List<String> teams = teamsFlag.isEmpty() ? q.teams() : teamsFlag;
        if (teamsFlag.isEmpty() && !teams.isEmpty()) {
            // A registry goes stale when a team is added: say which teams were covered.
            notes.accept("teams from the registry: " + teams + " (a new team? `kefu qa teams add T` or `kefu qa teams discover`)");
        }
        if (teams.isEmpty()) {
            teams = q.scanTeams();
            q.addTeams(teams);
            notes.accept("no team registry: scanned the scores table once to find teams " + teams
                    + " and recorded them (REGISTRY/TEAMS); later runs query ByTeamDay only");
        }
        return f.withTeams(teams);
    }
}

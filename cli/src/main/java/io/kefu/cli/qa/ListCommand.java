package io.kefu.cli.qa;

import io.kefu.shared.app.qa.Page;
import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.domain.qa.ScoreStatus;
import io.kefu.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Scores by agent, team, status, failed rule and score range over a time range; NEEDS_REVIEW first.")
final class ListCommand extends QaSubcommand {
    @Option(names = "--agent", description = "Agent id (ByAgent index).")
    String agent;

    @Option(names = {"--team", "--shop-team"}, description = "Team (ByTeamDay: one query per day).")
    String team;

    @Option(names = "--teams", split = ",", description = "Teams for 'every team' (default: the registry item).")
    List<String> teams = new ArrayList<>();

    @Option(names = "--status", split = ",", description = "NEEDS_REVIEW, DISPUTED, FAIL, REVIEWED, PASS (comma-separated).")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--rule", description = "Only scores on which this rule failed (ByRule index).")
    String rule;

    @Option(names = "--min-score", description = "Score in force at least.")
    Integer minScore;

    @Option(names = "--max-score", description = "Score in force at most.")
    Integer maxScore;

    @Option(names = "--since", defaultValue = "30d", description = "Start: 30d, 2w, 12h, 2026-11-01 or an instant (default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--until", description = "End (exclusive; a day means its end). Default: now.")
    String until;

    @Option(names = "--limit", defaultValue = "20", description = "Page size (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", description = "Continue from the cursor a previous page printed.")
    String cursor;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    int run(QaContext ctx) {
        Instant from = TimeRange.start(since, ctx.now(), ctx.zone());
        Instant to = TimeRange.end(until, ctx.now(), ctx.zone());
        List<String> notes = new ArrayList<>();
        ScoreFilter filter = Scope.forListing(new ScoreFilter(agent, team, List.of(),
                statuses.stream().map(ScoreStatus::parse).toList(), rule, minScore, maxScore, from, to), teams, ctx.queries(), notes::add);
        Page<ScoreView> page = ctx.queries().list(filter, limit, cursor);
        notes.addAll(page.notes());
        List<ScoreView> items = new ArrayList<>(page.items());
        // A page reads partitions newest first; the lead sees what needs them first.
        items.sort(Comparator.comparing(ScoreView::status).thenComparing(ScoreView::closedAt, Comparator.reverseOrder()));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("plan", page.plan());
            doc.put("count", items.size());
            doc.put("items", items);
            doc.put("nextCursor", page.cursor());
            doc.put("notes", notes);
            out().println(Json.write(doc));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScoreView v : items) {
            rows.add(List.of(v.transcriptId(), Text.time(v.closedAt(), ctx.zone()), v.agentId(), v.team(), v.status().name(),
                    Text.score(v), v.failedRules().isEmpty() ? "-" : String.join(",", v.failedRules()),
                    v.complaintType() == null || v.complaintType().equals("NONE") ? "-" : v.complaintType()));
        }
        out().print(Text.table(List.of("TRANSCRIPT", "CLOSED (CST)", "AGENT", "TEAM", "STATUS", "SCORE", "FAILED RULES", "COMPLAINT"), rows));
        out().println(items.size() + " score(s) via " + page.plan());
        notes.forEach(n -> out().println("note: " + n));
        if (page.cursor() != null) {
            out().println("more: --cursor " + page.cursor());
        }
        return 0;
    }
}

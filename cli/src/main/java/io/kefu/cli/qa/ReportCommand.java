package io.kefu.cli.qa;

import io.kefu.cli.qa.report.ReportCsv;
import io.kefu.cli.qa.report.ReportHtml;
import io.kefu.shared.app.qa.AgentCsat;
import io.kefu.shared.app.qa.QaReport;
import io.kefu.shared.app.qa.QaReportBuilder;
import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.aws.qa.SurveyCsatReader;
import io.kefu.shared.domain.qa.ScoreStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "One self-contained HTML file with charts (and optionally a CSV of every score) for a period.")
final class ReportCommand extends QaSubcommand {
    /** How far back open review items are looked for (the backlog is not limited to the report period). */
    static final Duration BACKLOG_WINDOW = Duration.ofDays(365);

    @Option(names = "--since", defaultValue = "30d", description = "Chats closed since (default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--until", description = "Chats closed before (default: now).")
    String until;

    @Option(names = "--teams", split = ",", description = "Teams to cover (default: the registry item; discovered with one scan if empty).")
    List<String> teams = new ArrayList<>();

    @Option(names = "--out", defaultValue = "qa-report.html", description = "HTML file (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--csv", description = "Also write every score in the period as CSV to this file.")
    Path csv;

    @Override
    int run(QaContext ctx) throws Exception {
        Instant now = ctx.now();
        Instant from = TimeRange.start(since, now, ctx.zone());
        Instant to = TimeRange.end(until, now, ctx.zone());
        List<String> notes = new ArrayList<>();
        ScoreFilter period = Scope.allTeams(ScoreFilter.between(from, to), teams, ctx.queries(), notes::add);
        List<ScoreView> scores = ctx.queries().all(period, notes::add);
        List<ScoreView> backlog = ctx.queries().all(new ScoreFilter(null, null, List.of(),
                List.of(ScoreStatus.NEEDS_REVIEW, ScoreStatus.DISPUTED), null, null, null, now.minus(BACKLOG_WINDOW), now), notes::add);
        if (!teams.isEmpty()) {
            backlog = backlog.stream().filter(v -> teams.contains(v.team())).toList();
        }
        Map<String, AgentCsat> csat = new SurveyCsatReader(ctx.dynamo(), ctx.aggregatesTable())
                .byAgent(from.atZone(ctx.zone()).toLocalDate(), to.minusMillis(1).atZone(ctx.zone()).toLocalDate());
        if (csat.isEmpty()) {
            notes.add("no survey aggregates in this period: the QA vs CSAT chart is empty");
        }
        QaReport report = QaReportBuilder.build(scores, backlog, csat, from, to, now, ctx.zone(), notes);
        Files.writeString(out, ReportHtml.render(report), StandardCharsets.UTF_8);
        out().printf("wrote %s: %d scores, %d agents, %d rules, backlog %d, CSAT for %d agents%n", out, scores.size(),
                report.leaderboard().size(), report.ruleFailures().size(), backlog.size(), report.qaVsCsat().size());
        if (csv != null) {
            Files.writeString(csv, ReportCsv.render(scores), StandardCharsets.UTF_8);
            out().printf("wrote %s: %d rows%n", csv, scores.size());
        }
        notes.forEach(n -> out().println("note: " + n));
        return 0;
    }
}

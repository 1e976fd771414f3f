package io.kefu.cli.qa;

import io.kefu.shared.app.qa.RescoreService;
import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.aws.qa.DynamoRulebookRepository;
import io.kefu.shared.aws.qa.ScoreItems;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Re-score stored transcripts with another rulebook version: new score items linked to the old ones.")
final class RescoreCommand extends QaSubcommand {
    @Option(names = "--since", required = true, description = "Chats closed since: 7d, 2w, 2026-11-01 ...")
    String since;

    @Option(names = "--until", description = "Chats closed before (default: now).")
    String until;

    @Option(names = "--rulebook", required = true, description = "Rulebook version to score with (from RulebooksTable; the packaged default as fallback).")
    int version;

    @Option(names = "--rulebook-id", defaultValue = "default", description = "Rulebook id (default ${DEFAULT-VALUE}).")
    String rulebookId;

    @Option(names = "--agent", description = "Only this agent's scores.")
    String agent;

    @Option(names = "--team", description = "Only this team's scores.")
    String team;

    @Option(names = "--teams", split = ",", description = "Teams for 'every team' (default: the registry item).")
    List<String> teams = new ArrayList<>();

    @Override
    int run(QaContext ctx) {
        Rulebook book = rulebook(ctx);
        Instant from = TimeRange.start(since, ctx.now(), ctx.zone());
        Instant to = TimeRange.end(until, ctx.now(), ctx.zone());
        List<String> notes = new ArrayList<>();
        ScoreFilter filter = Scope.allTeams(new ScoreFilter(agent, team, List.of(), List.of(), null, null, null, from, to),
                teams, ctx.queries(), notes::add);
        List<ScoreView> scores = ctx.queries().all(filter, notes::add);
        notes.forEach(n -> out().println("note: " + n));
        var repo = new DynamoQaScoreRepository(ctx.dynamo(), ctx.scoresTable(), ctx.zone());
        Scorer scorer = new Scorer(CompiledRulebook.compile(book));
        RescoreService service = new RescoreService(scorer, repo,
                v -> ScoreItems.transcript(ctx.queries().scoreItem(v.transcriptId(), v.scoreKey()).orElseThrow()), ctx.clock());
        Map<RescoreService.Outcome, Integer> counts = new EnumMap<>(RescoreService.Outcome.class);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("rescore " + book.id() + "@" + book.version())
                .setInitialMax(scores.size()).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(progressConsumer()).build()) {
            for (ScoreView v : scores) {
                counts.merge(service.rescore(v), 1, Integer::sum);
                bar.step();
            }
        }
        int otherModel = counts.getOrDefault(RescoreService.Outcome.OTHER_MODEL, 0);
        out().printf("rescored %d, already scored with %s@%d: %d (of %d in range)%n",
                counts.getOrDefault(RescoreService.Outcome.RESCORED, 0), book.id(), book.version(),
                counts.getOrDefault(RescoreService.Outcome.ALREADY_SCORED, 0) + otherModel, scores.size());
        if (otherModel > 0) {
            // scores are keyed by rulebook version: the same version cannot hold a second grade of the chat
            out().printf("not re-graded: %d scored with %s@%d by another complaint-type model than %s; publish the rulebook"
                    + " as a new version and rescore with it to re-grade them%n", otherModel, book.id(), book.version(),
                    scorer.complaintModel() == null ? "none (complaint.model: none)" : scorer.complaintModel());
        }
        out().println("note: stored transcripts are PII-redacted; the redaction tokens ([MOBILE], [ID] ...) count as a PII disclosure on a re-score");
        return 0;
    }

    /** A redrawn bar on a terminal; plain lines on the command's error stream otherwise (logs, CI, tests). */
    private ProgressBarConsumer progressConsumer() {
        return System.console() != null ? new ConsoleProgressBarConsumer(System.err)
                : new DelegatingProgressBarConsumer(line -> err().println(line.strip()));
    }

    private Rulebook rulebook(QaContext ctx) {
        Rulebook packaged = RulebookLoader.defaultRulebook();
        if (packaged.id().equals(rulebookId) && packaged.version() == version) {
            return packaged;
        }
        return new DynamoRulebookRepository(ctx.dynamo(), ctx.rulebooksTable()).load(rulebookId, Optional.of(version));
    }
}

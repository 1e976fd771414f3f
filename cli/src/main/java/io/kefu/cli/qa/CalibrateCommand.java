package io.kefu.cli.qa;

import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.domain.qa.Calibration;
import io.kefu.shared.domain.qa.ScoreStatus;
import io.kefu.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Lead reviews vs automatic scores: per rule, how often leads overturn it and how far they move the score.")
final class CalibrateCommand extends QaSubcommand {
    @Option(names = "--since", defaultValue = "90d", description = "Chats closed since (default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--until", description = "Chats closed before (default: now).")
    String until;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    int run(QaContext ctx) {
        Instant from = TimeRange.start(since, ctx.now(), ctx.zone());
        Instant to = TimeRange.end(until, ctx.now(), ctx.zone());
        // Reviewed scores are one ByStatus partition: no team list needed.
        ScoreFilter filter = new ScoreFilter(null, null, List.of(), List.of(ScoreStatus.REVIEWED), null, null, null, from, to);
        List<ScoreView> reviewed = ctx.queries().all(filter, n -> { });
        List<Calibration.Sample> samples = reviewed.stream().map(v -> new Calibration.Sample(v.autoScore(), v.score(),
                v.failedRules(), v.overturnedRules())).toList();
        Calibration.Result result = Calibration.of(samples);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("samples", result.samples());
            doc.put("agreed", result.agreed());
            doc.put("agreementRate", Math.round(result.agreementRate() * 1000) / 10.0);
            doc.put("meanAbsoluteDelta", Math.round(result.meanAbsoluteDelta() * 10) / 10.0);
            doc.put("rules", result.rules());
            out().println(Json.write(doc));
            return 0;
        }
        out().printf("%d reviewed score(s); leads agree (within %d points) on %.1f%%; mean |lead - scorer| %.1f points%n",
                result.samples(), Calibration.AGREEMENT_POINTS, result.agreementRate() * 100, result.meanAbsoluteDelta());
        List<List<String>> rows = new ArrayList<>();
        for (Calibration.RuleDisagreement r : result.rules()) {
            rows.add(List.of(r.ruleId(), Integer.toString(r.reviewedFailures()), Integer.toString(r.overturned()),
                    String.format("%.0f%%", r.overturnRate() * 100), String.format("%+.1f", r.meanDelta())));
        }
        out().print(Text.table(List.of("RULE (most disagreement first)", "REVIEWED FAILS", "OVERTURNED", "OVERTURN RATE", "MEAN LEAD-SCORER"), rows));
        return 0;
    }
}

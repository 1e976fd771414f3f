package io.kefu.cli.qa;

import io.kefu.cli.TerminalText;
import io.kefu.shared.app.qa.ReviewRecord;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.aws.qa.ScoreItems;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "A transcript (PII-redacted as stored) with each finding at its message, points, rulebook version and the review trail.")
final class ShowCommand extends QaSubcommand {
    private static final java.time.format.DateTimeFormatter CLOCK_TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    @Parameters(index = "0", description = "Transcript id.")
    String transcriptId;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Override
    int run(QaContext ctx) {
        List<ScoreView> versions = ctx.queries().scores(transcriptId);
        ScoreView current = ctx.queries().current(transcriptId)
                .orElseThrow(() -> new IllegalArgumentException("no score for transcript " + transcriptId));
        Map<String, AttributeValue> item = ctx.queries().scoreItem(transcriptId, current.scoreKey()).orElseThrow();
        List<Finding> findings = ScoreItems.findings(item);
        List<Message> messages = DynamoQaScoreRepository.transcriptOf(item);
        List<ReviewRecord> reviews = ctx.queries().reviews(transcriptId);
        String lastApplied = item.containsKey("lastReview") ? item.get("lastReview").s() : null;
        // on the base item only, as complaintSignals (the list indexes project what list views read)
        String complaintModel = item.containsKey("complaintModel") ? item.get("complaintModel").s() : null;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("score", current);
            doc.put("complaintModel", complaintModel);
            doc.put("findings", findings);
            doc.put("messages", messages);
            doc.put("reviews", reviews);
            doc.put("versions", versions);
            out().println(Json.write(doc));
            return 0;
        }
        var o = out();
        o.printf("%s  %s  agent %s  team %s  closed %s CST%n", current.transcriptId(), TerminalText.value(current.channel()), current.agentId(),
                TerminalText.value(current.team()), Text.time(current.closedAt(), ctx.zone()));
        o.printf("rulebook %s@%d  score %s  status %s%s%n", current.rulebookId(), current.rulebookVersion(), Text.score(current),
                current.status(), current.reviewReason() == null ? "" : " (" + TerminalText.value(current.reviewReason()) + ")");
        if (current.complaintType() != null) {
            o.printf("complaint %s / %s%s%n", current.complaintType(), current.complaintSeverity(),
                    complaintModel == null ? "" : "  (complaint-type model " + TerminalText.value(complaintModel) + ")");
        }
        o.println();
        for (Message m : messages) {
            o.printf("[%d] %-8s %-10s %s  %s%n", m.index(), m.role(), m.agentId() == null ? "" : m.agentId(),
                    CLOCK_TIME.format(m.ts().atZone(ctx.zone())), TerminalText.value(m.text()));
            for (Finding f : findings) {
                if (f.messageIndex() != null && f.messageIndex() == m.index()) {
                    o.println("      " + finding(f));
                }
            }
        }
        List<Finding> whole = findings.stream().filter(f -> f.messageIndex() == null).toList();
        if (!whole.isEmpty()) {
            o.println();
            o.println("whole chat:");
            whole.forEach(f -> o.println("      " + finding(f)));
        }
        if (!reviews.isEmpty()) {
            o.println();
            o.println("review trail:");
            for (ReviewRecord r : reviews) {
                o.printf("  %s  %-16s by %-12s %d → %d  %s → %s  %s%s%n", Text.time(r.at(), ctx.zone()), r.action(), TerminalText.value(r.actor()),
                        r.oldScore(), r.newScore(), r.fromStatus(), r.toStatus(), r.reason() == null ? "" : "\"" + TerminalText.value(r.reason()) + "\"",
                        r.overturnedRules().isEmpty() ? "" : "  overturned " + r.overturnedRules());
            }
            ReviewRecord last = reviews.get(reviews.size() - 1);
            if (lastApplied != null && lastApplied.compareTo(sk(last)) < 0) {
                o.println("  (the last record is not applied to the score: the review was interrupted; review again)");
            }
        }
        if (versions.size() > 1) {
            o.println();
            o.println("versions:");
            for (ScoreView v : versions) {
                o.printf("  %s@%d  score %s  %s%s%n", v.rulebookId(), v.rulebookVersion(), Text.score(v), v.status(),
                        v.active() ? "  (in force)" : "  superseded by " + v.supersededBy());
            }
        }
        return 0;
    }

    private static String sk(ReviewRecord r) {
        return io.kefu.shared.aws.qa.QaScoreKeys.reviewSk(r.at(), r.actor());
    }

    /** "✗ forbidden-phrases FAIL 0/10 pts  reason": points earned out of the item's weight. */
    private static String finding(Finding f) {
        String mark = switch (f.outcome()) {
            case FAIL -> "✗";
            case PASS -> "✓";
            case INFO -> "i";
            case NOT_APPLICABLE -> "·";
        };
        String points = f.counts() ? String.format(" %d/%d pts", f.points(), f.weight()) : "";
        return mark + " " + f.ruleId() + " " + f.outcome() + (f.redLine() ? " RED-LINE" : "") + points + "  "
                + TerminalText.value(f.reason());
    }
}

package io.kefu.cli.qa;

import io.kefu.cli.qa.accuracy.GoldSet;
import io.kefu.shared.domain.qa.ComplaintGrade;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.Promise;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `kefu qa try FILE`: a lead tests a rulebook change on one chat; nothing is stored or sent. */
@Command(name = "try", mixinStandardHelpOptions = true,
        description = "Score one transcript file (contract v1, as on TranscriptsQueue) in process and print the verdict "
                + "with evidence; stores and sends nothing.")
final class TryCommand extends OfflineCommand {
    @Parameters(index = "0", description = "Transcript JSON file (e.g. events/transcripts/zh-rude-agent.json).")
    Path file;



    @Override
    int run() {
        Scorer scorer = scorer();
        Transcript transcript = GoldSet.transcript(file);
        QaScore score = scorer.score(transcript);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("score", score);
            out().println((Json.write(doc)));
            return 0;
        }
        print(out(), transcript, score, scorer.rulebook().rulebook());
        return 0;
    }

    private static void print(PrintWriter o, Transcript t, QaScore s, Rulebook book) {
        o.printf("%s  rulebook %s@%d  score %d  status %s%s%n", value(t.transcriptId()), value(book.id()),
                book.version(), s.score(), s.status(), s.reviewReason() == null ? "" : " (" + s.reviewReason() + ")");
        o.printf("complaint %s / %s%s%n", s.complaint().type(), s.complaint().severity(),
                s.complaint().signals().isEmpty() ? "" : "  signals " + s.complaint().signals());
        for (ComplaintGrade.Reason r : s.complaint().reasons()) {
            o.printf("      from [%d] «%s»%s%n", r.messageIndex(), value(r.evidence()), r.upset() ? "  (upset)" : "");
        }
        o.println();
        for (Message m : t.messages()) {
            o.printf("[%d] %-8s %s%n", m.index(), m.role().name().toLowerCase(java.util.Locale.ROOT), value(m.text()));
            for (Finding f : s.findings()) {
                if (f.messageIndex() != null && f.messageIndex() == m.index()) {
                    o.println("      " + finding(f));
                }
            }
        }
        o.println();
        o.println("whole chat:");
        s.findings().stream().filter(f -> f.messageIndex() == null).forEach(f -> o.println("      " + finding(f)));
        if (!s.promises().isEmpty()) {
            o.println();
            o.println("follow-up tasks (promises):");
            for (Promise p : s.promises()) {
                o.printf("  [%d] due %s  %s%n", p.messageIndex(), p.dueBy(), value(p.text()));
            }
        }
    }

    private static String finding(Finding f) {
        String mark = switch (f.outcome()) {
            case PASS -> "✓";
            case FAIL -> "✗";
            case NOT_APPLICABLE -> "-";
            case INFO -> "i";
        };
        String points = f.redLine() ? "red line" : f.points() + "/" + f.weight() + " pts";
        return mark + " " + value(f.ruleId()) + " " + f.outcome() + " " + points
                + (f.evidence() == null ? "" : "  «" + value(f.evidence()) + "»") + "  " + value(f.reason());
    }
}

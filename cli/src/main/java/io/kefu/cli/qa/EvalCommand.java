package io.kefu.cli.qa;

import io.kefu.cli.qa.accuracy.AccuracyEval;
import io.kefu.cli.qa.accuracy.AccuracyReport;
import io.kefu.cli.qa.accuracy.Agreement;
import io.kefu.cli.qa.accuracy.Confusion;
import io.kefu.cli.qa.accuracy.Disagreement;
import io.kefu.cli.qa.accuracy.GoldChat;
import io.kefu.cli.qa.accuracy.GoldSet;
import io.kefu.cli.qa.accuracy.PromiseCounts;
import io.kefu.cli.qa.accuracy.Wilson;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.Rule;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `kefu qa eval --gold DIR`: the scorer against labelled chats, in process (no stack). See docs/qa-accuracy.md. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score labelled chats (<id>.json + <id>.gold.json) in process and compare: per-rule TP/FP/FN/TN, "
                + "precision, recall, status agreement, complaint accuracy, customer upset, promises, disagreements.")
final class EvalCommand extends GoldCommand {
    @Override
    int run() {
        Scorer scorer = scorer();
        List<GoldChat> chats = GoldSet.load(gold);
        // each chat is scored once; the per-language reports compare the same scores again
        Map<Transcript, QaScore> scores = new IdentityHashMap<>();
        Function<Transcript, QaScore> scoring = t -> scores.computeIfAbsent(t, scorer::score);
        List<Rule> rules = scorer.rulebook().rulebook().rules();
        AccuracyReport report = AccuracyEval.evaluate(rules, scoring, chats);
        Map<String, AccuracyReport> byLanguage = byLanguage(rules, scoring, chats);
        Rulebook book = scorer.rulebook().rulebook();
        if (json) {
            Map<String, Object> doc = document(report, book);
            Map<String, Object> languages = new LinkedHashMap<>();
            byLanguage.forEach((lang, r) -> {
                Map<String, Object> one = new LinkedHashMap<>(); // fixed key order: the output is diffed between runs
                one.put("chats", r.chats());
                one.put("status", agreement(r.status()));
                one.put("complaintType", agreement(r.complaintType()));
                languages.put(lang, one);
            });
            doc.put("byLanguage", languages);
            out().println((Json.write(doc)));
        } else {
            print(out(), report, book, byLanguage);
        }
        return 0;
    }

    /** The same eval per label language: a team that serves zh customers reads the zh row, not a blend. */
    private static Map<String, AccuracyReport> byLanguage(List<Rule> rules, Function<Transcript, QaScore> scoring,
            List<GoldChat> chats) {
        Map<String, List<GoldChat>> split = new TreeMap<>();
        chats.forEach(c -> split.computeIfAbsent(c.gold().lang(), k -> new ArrayList<>()).add(c));
        Map<String, AccuracyReport> out = new LinkedHashMap<>();
        split.forEach((lang, some) -> out.put(lang, AccuracyEval.evaluate(rules, scoring, some)));
        return out;
    }

    private Map<String, Object> document(AccuracyReport r, Rulebook book) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("gold", gold.toString());
        doc.put("rulebook", book.id() + "@" + book.version());
        doc.put("chats", r.chats());
        Map<String, Object> rules = new LinkedHashMap<>();
        r.rules().forEach((id, c) -> rules.put(id, confusion(c)));
        doc.put("rules", rules);
        doc.put("status", agreement(r.status()));
        doc.put("complaintType", agreement(r.complaintType()));
        doc.put("complaintSeverity", agreement(r.complaintSeverity()));
        doc.put("customerUpset", confusion(r.customerUpset()));
        PromiseCounts p = r.promises();
        Map<String, Object> promises = new LinkedHashMap<>();
        promises.put("gold", p.gold());
        promises.put("followUps", p.scored());
        promises.put("matched", p.matched());
        promises.put("recall", p.recall());
        promises.put("precision", p.precision());
        promises.put("dueJudged", p.dueJudged());
        promises.put("dueRight", p.dueRight());
        doc.put("promises", promises);
        doc.put("falseRedLines", r.falseRedLines());
        doc.put("disagreements", r.disagreements());
        return doc;
    }

    private static Map<String, Object> confusion(Confusion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tp", c.tp());
        m.put("fp", c.fp());
        m.put("fn", c.fn());
        m.put("tn", c.tn());
        m.put("precision", c.precision());
        m.put("recall", c.recall());
        return m;
    }

    private static Map<String, Object> agreement(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agreed", a.agreed());
        m.put("judged", a.judged());
        m.put("rate", a.rate());
        Wilson w = a.interval();
        m.put("low95", w == null ? null : w.low());
        m.put("high95", w == null ? null : w.high());
        return m;
    }

    private void print(PrintWriter o, AccuracyReport r, Rulebook book, Map<String, AccuracyReport> byLanguage) {
        o.printf("gold %s: %d chats, rulebook %s@%d (positive = the rule FAILs)%n%n", value(gold.toString()),
                r.chats(), value(book.id()), book.version());
        List<List<String>> rows = new ArrayList<>();
        r.rules().forEach((id, c) -> rows.add(row(id, c)));
        rows.add(row("customer-upset", r.customerUpset()));
        o.print(Text.table(List.of("rule", "TP", "FP", "FN", "TN", "precision", "recall"), rows));
        o.println();
        o.printf("status agreement    %s%n", ratio(r.status()));
        o.printf("complaint type      %s%n", ratio(r.complaintType()));
        o.printf("complaint severity  %s%n", ratio(r.complaintSeverity()));
        PromiseCounts p = r.promises();
        o.printf("promises            gold %d, follow-up tasks %d, matched %d: recall %s, precision %s; due time right %d/%d%n",
                p.gold(), p.scored(), p.matched(), number(p.recall()), number(p.precision()), p.dueRight(), p.dueJudged());
        o.printf("false red lines     %d%n", r.falseRedLines());
        o.println();
        List<List<String>> languages = new ArrayList<>();
        byLanguage.forEach((lang, l) -> languages.add(List.of(value(lang), Integer.toString(l.chats()), ratio(l.status()),
                ratio(l.complaintType()))));
        o.print(Text.table(List.of("language", "chats", "status agreement", "complaint type"), languages));
        o.println();
        o.printf("disagreements (%d):%n", r.disagreements().size());
        for (Disagreement d : r.disagreements()) {
            o.printf("  %-28s %-18s gold %-12s scored %-16s %s%s%n", value(d.transcriptId()), value(d.what()),
                    value(d.gold()), value(d.scored()),
                    d.messageIndex() == null ? "" : "[" + d.messageIndex() + "] ", value(d.evidence()));
        }
    }

    private static List<String> row(String id, Confusion c) {
        return List.of(value(id), Integer.toString(c.tp()), Integer.toString(c.fp()), Integer.toString(c.fn()),
                Integer.toString(c.tn()), number(c.precision()), number(c.recall()));
    }

    private static String ratio(Agreement a) {
        if (a.judged() == 0) {
            return "n/a (nothing judged)";
        }
        Wilson w = a.interval();
        return String.format(Locale.ROOT, "%d/%d (%.0f%%, 95%% interval %.0f-%.0f%%)", a.agreed(), a.judged(),
                100 * a.rate(), 100 * w.low(), 100 * w.high());
    }

    static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}

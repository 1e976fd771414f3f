package io.kefu.cli.qa.accuracy;

import io.kefu.shared.domain.qa.ComplaintGrade;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Promise;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.QaStatus;
import io.kefu.shared.domain.qa.ReviewReason;
import io.kefu.shared.domain.qa.Rule;
import io.kefu.shared.domain.qa.RuleKind;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Scores every gold chat with the in-process scorer and compares verdicts. Definitions (docs/qa-accuracy.md):
 * per rule, positive = FAIL; status compares the automatic verdict (a calibration sample is not a verdict, so it counts
 * as PASS); the scorer reads a customer as upset when its empathy item applies; promises match by message index.
 */
public final class AccuracyEval {
    private static final Duration DUE_TOLERANCE = Duration.ofHours(1);

    private AccuracyEval() {}

    public static AccuracyReport evaluate(Scorer scorer, List<GoldChat> chats) {
        return evaluate(scorer.rulebook().rulebook().rules(), scorer::score, chats);
    }

    /** The comparison itself, for any scoring function over the given rulebook items (tests pass hand-made scores). */
    public static AccuracyReport evaluate(List<Rule> rulebook, Function<Transcript, QaScore> scoring, List<GoldChat> chats) {
        Map<String, Rule> rulesById = new LinkedHashMap<>();
        rulebook.forEach(r -> rulesById.put(r.id(), r));
        String empathyRule = rulebook.stream().filter(r -> r.kind() == RuleKind.EMPATHY).map(Rule::id).findFirst().orElse(null);

        Map<String, Confusion> rules = new HashMap<>();
        Agreement status = Agreement.EMPTY;
        Agreement type = Agreement.EMPTY;
        Agreement severity = Agreement.EMPTY;
        Confusion upset = Confusion.EMPTY;
        PromiseCounts promises = PromiseCounts.EMPTY;
        int falseRedLines = 0;
        List<Disagreement> out = new ArrayList<>();

        for (GoldChat chat : chats) {
            QaScore score = scoring.apply(chat.transcript());
            GoldLabel gold = chat.gold();
            Map<String, Finding> findings = new HashMap<>();
            score.findings().forEach(f -> findings.putIfAbsent(f.ruleId(), f));

            for (Map.Entry<String, String> judged : new java.util.TreeMap<>(gold.rules()).entrySet()) {
                Rule rule = rulesById.get(judged.getKey());
                if (rule == null) {
                    continue; // a rulebook without this rule cannot be wrong about it
                }
                Verdict want = Verdict.valueOf(judged.getValue());
                Finding finding = findings.get(rule.id());
                Verdict got = Verdict.of(finding);
                rules.merge(rule.id(), Confusion.EMPTY.add(want == Verdict.FAIL, got == Verdict.FAIL), AccuracyEval::sum);
                if (want != got) {
                    out.add(new Disagreement(chat.id(), rule.id(), want.name(), got.name(),
                            finding == null ? null : finding.messageIndex(), evidence(finding)));
                    boolean redLine = rule.kind() == RuleKind.RED_LINE || rule.kind() == RuleKind.PII_DISCLOSURE;
                    if (redLine && got == Verdict.FAIL) {
                        falseRedLines++;
                    }
                }
            }

            String scoredStatus = automaticStatus(score).name();
            status = status.add(scoredStatus.equals(gold.status()));
            if (!scoredStatus.equals(gold.status())) {
                out.add(new Disagreement(chat.id(), "status", gold.status(), scoredStatus + " (" + score.score() + ")", null,
                        failedRules(score)));
            }

            if (gold.complaint() != null) {
                String gotType = score.complaint().type().name();
                String gotSeverity = score.complaint().severity().name();
                type = type.add(gotType.equals(gold.complaint().type()));
                severity = severity.add(gotSeverity.equals(gold.complaint().severity()));
                if (!gotType.equals(gold.complaint().type())) {
                    out.add(new Disagreement(chat.id(), "complaint.type", gold.complaint().type(), gotType, null, null));
                }
                if (!gotSeverity.equals(gold.complaint().severity())) {
                    out.add(new Disagreement(chat.id(), "complaint.severity", gold.complaint().severity(), gotSeverity, null,
                            score.complaint().signals().isEmpty() ? null : score.complaint().signals().toString()));
                }
            }

            if (gold.customerUpset() != null && empathyRule != null) {
                Finding empathy = findings.get(empathyRule);
                boolean scoredUpset = Verdict.of(empathy) != Verdict.NA;
                upset = upset.add(gold.customerUpset(), scoredUpset);
                if (gold.customerUpset() != scoredUpset) {
                    // the customer turn read as upset and what showed it, where the complaint grade kept it (the empathy
                    // finding's index is the agent's reply, and its evidence the apology when empathy passed)
                    var trigger = scoredUpset ? score.complaint().firstUpsetTurn() : Optional.<ComplaintGrade.Reason>empty();
                    out.add(new Disagreement(chat.id(), "upset", gold.customerUpset().toString(), Boolean.toString(scoredUpset),
                            trigger.map(ComplaintGrade.Reason::messageIndex).orElse(empathy == null ? null : empathy.messageIndex()),
                            trigger.map(ComplaintGrade.Reason::evidence).orElse(evidence(empathy))));
                }
            }

            if (gold.promises() != null) {
                PromiseCounts counts = promises(chat, score, out);
                promises = promises.plus(counts);
            }
        }

        Map<String, Confusion> ordered = new LinkedHashMap<>();
        rulesById.keySet().forEach(id -> {
            if (rules.containsKey(id)) {
                ordered.put(id, rules.get(id));
            }
        });
        return new AccuracyReport(chats.size(), ordered, status, type, severity, upset, promises, falseRedLines, out);
    }

    /** The verdict the scorer reached; a calibration sample is chosen at random, not judged, so it reads as PASS. */
    public static QaStatus automaticStatus(QaScore score) {
        return score.status() == QaStatus.NEEDS_REVIEW && score.reviewReason() == ReviewReason.CALIBRATION_SAMPLE
                ? QaStatus.PASS : score.status();
    }

    private static PromiseCounts promises(GoldChat chat, QaScore score, List<Disagreement> out) {
        Map<Integer, String> gold = new HashMap<>();
        chat.gold().promises().forEach(p -> gold.put(p.messageIndex(), p.due()));
        Map<Integer, Promise> scored = new HashMap<>();
        score.promises().forEach(p -> scored.putIfAbsent(p.messageIndex(), p));
        int matched = 0;
        int dueJudged = 0;
        int dueRight = 0;
        Set<Integer> all = new TreeSet<>(gold.keySet());
        all.addAll(scored.keySet());
        for (int index : all) {
            boolean wanted = gold.containsKey(index);
            Promise got = scored.get(index);
            if (wanted && got != null) {
                matched++;
                String due = gold.get(index);
                if (due != null) {
                    dueJudged++;
                    Duration off = Duration.between(OffsetDateTime.parse(due).toInstant(), got.dueBy()).abs();
                    if (off.compareTo(DUE_TOLERANCE) <= 0) {
                        dueRight++;
                    } else {
                        out.add(new Disagreement(chat.id(), "promise.due", due, got.dueBy().toString(), index, got.text()));
                    }
                }
            } else {
                out.add(new Disagreement(chat.id(), "promise", wanted ? "promise" : "none", got != null ? "promise" : "none",
                        index, got != null ? got.text() : chat.transcript().messages().get(index).text()));
            }
        }
        return new PromiseCounts(gold.size(), scored.size(), matched, dueJudged, dueRight);
    }

    private static String failedRules(QaScore score) {
        Set<String> failed = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (Finding f : score.failures()) {
            if (failed.add(f.ruleId())) {
                ids.add(f.ruleId());
            }
        }
        return ids.isEmpty() ? "no rule failed" : "failed: " + String.join(", ", ids);
    }

    private static String evidence(Finding finding) {
        if (finding == null) {
            return null;
        }
        return finding.evidence() != null ? finding.evidence() : finding.reason();
    }

    private static Confusion sum(Confusion a, Confusion b) {
        return new Confusion(a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn(), a.tn() + b.tn());
    }
}

package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.ScoreStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pure report math over stored scores (scores in force: a lead's override counts over the automatic score). */
public final class QaReportBuilder {
    private static final int[] AGE_DAYS = {1, 3, 7, 14};
    /** The default rulebook's review line: the pass rate is the share of scores in force at or above it. */
    public static final int PASS_MARK = 80;

    private QaReportBuilder() {}

    /**
     * @param scores  active scores closed in [from, to)
     * @param backlog open items (NEEDS_REVIEW, DISPUTED), any age
     * @param csat    survey counters per agent over the same period (empty when there are no aggregates)
     */
    public static QaReport build(List<ScoreView> scores, List<ScoreView> backlog, Map<String, AgentCsat> csat,
            Instant from, Instant to, Instant now, ZoneId zone, List<String> notes) {
        return new QaReport(from, to, now, zone.getId(), summary(scores, backlog), distribution(scores),
                weekly(scores, zone), leaderboard(scores), rules(scores), backlogByAge(backlog, now),
                backlogByStatus(backlog), complaints(scores), qaVsCsat(scores, csat), List.copyOf(notes));
    }

    static QaReport.Summary summary(List<ScoreView> scores, List<ScoreView> backlog) {
        int pass = 0;
        int reviewed = 0;
        int overridden = 0;
        int disputed = 0;
        for (ScoreView s : scores) {
            pass += s.score() >= PASS_MARK ? 1 : 0;
            reviewed += s.status() == ScoreStatus.REVIEWED ? 1 : 0;
            overridden += s.reviewedScore() != null && s.reviewedScore() != s.autoScore() ? 1 : 0;
            disputed += s.status() == ScoreStatus.DISPUTED ? 1 : 0;
        }
        return new QaReport.Summary(scores.size(), round1(average(scores)), round1(percent(pass, scores.size())),
                reviewed, overridden, disputed, backlog.size());
    }

    /** Ten bands 0-9 ... 90-100 (100 joins the top band). */
    static List<QaReport.Bucket> distribution(List<ScoreView> scores) {
        int[] counts = new int[10];
        scores.forEach(s -> counts[Math.min(9, Math.max(0, s.score()) / 10)]++);
        List<QaReport.Bucket> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(new QaReport.Bucket(i * 10 + "-" + (i == 9 ? 100 : i * 10 + 9), counts[i]));
        }
        return out;
    }

    static List<QaReport.Week> weekly(List<ScoreView> scores, ZoneId zone) {
        Map<LocalDate, List<ScoreView>> byWeek = new TreeMap<>();
        for (ScoreView s : scores) {
            LocalDate monday = s.closedAt().atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            byWeek.computeIfAbsent(monday, d -> new ArrayList<>()).add(s);
        }
        List<QaReport.Week> out = new ArrayList<>();
        byWeek.forEach((monday, list) -> out.add(new QaReport.Week(
                monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                monday.toString(), list.size(), round1(average(list)))));
        return out;
    }

    /** Best average first; ties: more scores first. */
    static List<QaReport.AgentRow> leaderboard(List<ScoreView> scores) {
        Map<String, List<ScoreView>> byAgent = new TreeMap<>();
        scores.forEach(s -> byAgent.computeIfAbsent(s.agentId(), a -> new ArrayList<>()).add(s));
        List<QaReport.AgentRow> out = new ArrayList<>();
        byAgent.forEach((agent, list) -> out.add(new QaReport.AgentRow(agent, list.get(0).team(), list.size(),
                round1(average(list)),
                (int) list.stream().filter(s -> "FAIL".equals(s.autoStatus())).count(),
                (int) list.stream().filter(s -> s.status() == ScoreStatus.REVIEWED).count())));
        out.sort(Comparator.comparingDouble(QaReport.AgentRow::averageScore).reversed()
                .thenComparing(Comparator.comparingInt(QaReport.AgentRow::scores).reversed())
                .thenComparing(QaReport.AgentRow::agentId));
        return out;
    }

    /** Highest failure rate first; a rule that never counted is left out. */
    static List<QaReport.RuleRow> rules(List<ScoreView> scores) {
        Map<String, int[]> acc = new TreeMap<>();
        for (ScoreView s : scores) {
            s.applicableRules().forEach(r -> acc.computeIfAbsent(r, k -> new int[2])[0]++);
            s.failedRules().forEach(r -> acc.computeIfAbsent(r, k -> new int[2])[1]++);
        }
        List<QaReport.RuleRow> out = new ArrayList<>();
        acc.forEach((rule, a) -> {
            int applicable = Math.max(a[0], a[1]);
            out.add(new QaReport.RuleRow(rule, applicable, a[1], round1(percent(a[1], applicable))));
        });
        out.sort(Comparator.comparingDouble(QaReport.RuleRow::failureRate).reversed().thenComparing(QaReport.RuleRow::ruleId));
        return out;
    }

    /** How long open items have waited since the chat closed: 0-1d, 2-3d, 4-7d, 8-14d, 15d+. */
    static List<QaReport.Bucket> backlogByAge(List<ScoreView> backlog, Instant now) {
        String[] labels = {"0-1d", "2-3d", "4-7d", "8-14d", "15d+"};
        int[] counts = new int[labels.length];
        for (ScoreView s : backlog) {
            long days = Math.max(0, Duration.between(s.closedAt(), now).toDays());
            int i = 0;
            while (i < AGE_DAYS.length && days > AGE_DAYS[i]) {
                i++;
            }
            counts[i]++;
        }
        List<QaReport.Bucket> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            out.add(new QaReport.Bucket(labels[i], counts[i]));
        }
        return out;
    }

    static Map<String, Integer> backlogByStatus(List<ScoreView> backlog) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put(ScoreStatus.NEEDS_REVIEW.name(), 0);
        out.put(ScoreStatus.DISPUTED.name(), 0);
        backlog.forEach(s -> out.merge(s.status().name(), 1, Integer::sum));
        return out;
    }

    /** Complaint volume by type (chats without a complaint left out), most first. */
    static List<QaReport.ComplaintRow> complaints(List<ScoreView> scores) {
        Map<String, int[]> acc = new TreeMap<>();
        for (ScoreView s : scores) {
            if (s.complaintType() != null && !"NONE".equals(s.complaintType())) {
                int[] a = acc.computeIfAbsent(s.complaintType(), k -> new int[2]);
                a[0]++;
                a[1] += "HIGH".equals(s.complaintSeverity()) ? 1 : 0;
            }
        }
        List<QaReport.ComplaintRow> out = new ArrayList<>();
        acc.forEach((type, a) -> out.add(new QaReport.ComplaintRow(type, a[0], a[1])));
        out.sort(Comparator.comparingInt(QaReport.ComplaintRow::count).reversed().thenComparing(QaReport.ComplaintRow::type));
        return out;
    }

    /** Agents with both QA scores and survey answers in the period. */
    static List<QaReport.CsatPoint> qaVsCsat(List<ScoreView> scores, Map<String, AgentCsat> csat) {
        List<QaReport.CsatPoint> out = new ArrayList<>();
        for (QaReport.AgentRow row : leaderboard(scores)) {
            AgentCsat c = csat.get(row.agentId());
            if (c != null && c.responses() > 0) {
                out.add(new QaReport.CsatPoint(row.agentId(), row.averageScore(), round1(c.csatPercent()), c.responses(), row.scores()));
            }
        }
        out.sort(Comparator.comparing(QaReport.CsatPoint::agentId));
        return out;
    }

    private static double average(List<ScoreView> list) {
        return list.stream().mapToInt(ScoreView::score).average().orElse(0);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

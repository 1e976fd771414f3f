package io.kefu.cli.qa.report;

import io.kefu.shared.app.qa.QaReport;
import io.kefu.shared.json.Json;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The QA report as one self-contained HTML file: inline CSS, inline SVG, no script that runs, no external
 * URL. The numbers are embedded twice for machines: the whole model as JSON in
 * {@code <script type="application/json" id="qa-report-data">}, and per mark as data-* attributes.
 */
public final class ReportHtml {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReportHtml() {}

    public static String render(QaReport r) {
        ZoneId zone = ZoneId.of(r.zone());
        StringBuilder sb = new StringBuilder(32_000);
        sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>QA report ").append(DAY.format(r.from().atZone(zone))).append(" – ").append(DAY.format(r.to().atZone(zone)))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        sb.append("<header><h1>QA report 质检报告</h1><p>Chats closed ").append(DAY.format(r.from().atZone(zone))).append(" – ")
                .append(DAY.format(r.to().atZone(zone))).append(" (").append(Html.text(r.zone())).append("), generated ")
                .append(DAY.format(r.generatedAt().atZone(zone))).append(". Scores in force: a lead's override counts over the automatic score.</p></header>\n");
        summary(sb, r.summary());
        sb.append("<main>\n");
        chart(sb, "score-distribution", "Score distribution", "Scores in force per 10-point band",
                Svg.bars("score-distribution", r.distribution().stream().map(b -> new Svg.Mark(b.label(), b.count(),
                        " data-count=\"" + b.count() + "\"", bandColor(b.label()))).toList(), ""));
        chart(sb, "weekly-trend", "Trend per week", "Average score per ISO week (number of chats in the tooltip)",
                Svg.line("weekly-trend", r.weeklyTrend().stream().map(w -> new Svg.Mark(w.week(), w.averageScore(),
                        " data-count=\"" + w.scores() + "\" data-week-start=\"" + w.weekStart() + "\"", null)).toList()));
        chart(sb, "agent-leaderboard", "Agent leaderboard", "Average score per agent, best first (chats, automatic FAILs)",
                Svg.hbars("agent-leaderboard", r.leaderboard().stream().map(a -> new Svg.Mark(a.agentId() + " (" + a.scores() + ")",
                        a.averageScore(), " data-agent=\"" + Html.attr(a.agentId()) + "\" data-count=\"" + a.scores()
                        + "\" data-failed=\"" + a.failed() + "\" data-reviewed=\"" + a.reviewed() + "\"",
                        a.averageScore() < 60 ? Svg.WARN : null)).toList(), 100, ""));
        chart(sb, "rule-failure-rate", "Failure rate per rule", "Share of chats where the rule applied and failed",
                Svg.hbars("rule-failure-rate", r.ruleFailures().stream().map(x -> new Svg.Mark(x.ruleId(), x.failureRate(),
                        " data-rule=\"" + Html.attr(x.ruleId()) + "\" data-failed=\"" + x.failed() + "\" data-applicable=\"" + x.applicable() + "\"",
                        x.failureRate() >= 50 ? Svg.WARN : null)).toList(), 100, "%"));
        chart(sb, "review-backlog", "NEEDS_REVIEW backlog", "Open items (NEEDS_REVIEW " + r.backlogByStatus().getOrDefault("NEEDS_REVIEW", 0)
                        + ", DISPUTED " + r.backlogByStatus().getOrDefault("DISPUTED", 0) + ") by days since the chat closed",
                Svg.bars("review-backlog", r.backlogByAge().stream().map(b -> new Svg.Mark(b.label(), b.count(),
                        " data-count=\"" + b.count() + "\"", b.label().equals("0-1d") ? null : Svg.WARN)).toList(), ""));
        chart(sb, "complaint-types", "Complaint types 投诉分类", "Chats graded as a complaint, by type (HIGH severity in the tooltip data)",
                Svg.hbars("complaint-types", r.complaints().stream().map(c -> new Svg.Mark(c.type(), c.count(),
                        " data-type=\"" + c.type() + "\" data-count=\"" + c.count() + "\" data-high=\"" + c.high() + "\"", null)).toList(), 0, ""));
        List<Double> csat = new ArrayList<>();
        r.qaVsCsat().forEach(p -> csat.add(p.csatPercent()));
        chart(sb, "qa-vs-csat", "QA score vs CSAT per agent", "x: average QA score; y: CSAT (share of 4-5 answers) from the survey aggregates",
                Svg.scatter("qa-vs-csat", r.qaVsCsat().stream().map(p -> new Svg.Mark(p.agentId(), p.qaAverage(),
                        " data-agent=\"" + Html.attr(p.agentId()) + "\" data-qa=\"" + Svg.num(p.qaAverage()) + "\" data-csat=\""
                        + Svg.num(p.csatPercent()) + "\" data-responses=\"" + p.responses() + "\"", null)).toList(), csat, "QA score", "CSAT %"));
        sb.append("</main>\n");
        if (!r.notes().isEmpty()) {
            sb.append("<footer><h2>Notes</h2><ul>");
            r.notes().forEach(n -> sb.append("<li>").append(Html.text(n)).append("</li>"));
            sb.append("</ul></footer>\n");
        }
        sb.append("<script type=\"application/json\" id=\"qa-report-data\">")
                .append(Json.write(r).replace("</", "<\\/")).append("</script>\n</body></html>\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, QaReport.Summary s) {
        sb.append("<section class=\"kpis\" data-summary>");
        kpi(sb, "scores", "Chats scored", Integer.toString(s.scores()));
        kpi(sb, "average", "Average score", Svg.num(s.averageScore()));
        kpi(sb, "pass-rate", "Pass rate (≥80)", Svg.num(s.passRate()) + "%");
        kpi(sb, "reviewed", "Reviewed by leads", Integer.toString(s.reviewed()));
        kpi(sb, "overridden", "Overridden", Integer.toString(s.overridden()));
        kpi(sb, "backlog", "Open backlog", Integer.toString(s.openBacklog()));
        sb.append("</section>\n");
    }

    private static void kpi(StringBuilder sb, String key, String label, String value) {
        sb.append(String.format(Locale.ROOT, "<div class=\"kpi\" data-kpi=\"%s\" data-value=\"%s\"><b>%s</b><span>%s</span></div>",
                key, Html.attr(value.replace("%", "")), Html.text(value), Html.text(label)));
    }

    private static void chart(StringBuilder sb, String id, String title, String caption, String svg) {
        sb.append("<figure class=\"chart\" id=\"").append(id).append("\" data-chart=\"").append(id).append("\"><h2>")
                .append(Html.text(title)).append("</h2><figcaption>").append(Html.text(caption)).append("</figcaption>")
                .append(svg).append("</figure>\n");
    }

    private static String bandColor(String band) {
        int low = Integer.parseInt(band.substring(0, band.indexOf('-')));
        return low < 60 ? Svg.WARN : low < 80 ? Svg.MUTED : Svg.ACCENT;
    }

    private static final String CSS = """
            *{box-sizing:border-box}body{font:14px/1.45 -apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;\
            margin:0;background:#f4f6fa;color:#1d2433}header{background:#1d2433;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}\
            header p{margin:0;color:#c9d1e0}.kpis{display:flex;gap:12px;padding:16px 28px;flex-wrap:wrap}.kpi{background:#fff;border-radius:8px;\
            padding:10px 16px;min-width:150px;box-shadow:0 1px 2px rgba(0,0,0,.08)}.kpi b{display:block;font-size:24px}.kpi span{color:#5b6578}\
            main{display:grid;grid-template-columns:repeat(auto-fill,minmax(600px,1fr));gap:16px;padding:0 28px 28px}\
            .chart{background:#fff;border-radius:8px;margin:0;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}\
            .chart h2{font-size:16px;margin:0}.chart figcaption{color:#5b6578;font-size:12px;margin-bottom:6px}\
            svg text{font-size:11px;fill:#3b4456}svg .l,svg .v{text-anchor:middle}svg .ax,svg .hl{text-anchor:end}svg .v,svg .hv{font-weight:600}\
            svg .grid{stroke:#e3e7ef}svg .hl0{fill:#8a94a6}footer{padding:0 28px 28px;color:#5b6578}footer h2{font-size:15px}
            """;
}

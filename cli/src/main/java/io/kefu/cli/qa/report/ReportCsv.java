package io.kefu.cli.qa.report;

import io.kefu.shared.app.qa.ScoreView;
import java.util.List;

/** One row per score for spreadsheets (UTF-8 with BOM, so Excel reads Chinese team names). */
public final class ReportCsv {
    private ReportCsv() {}

    public static String render(List<ScoreView> scores) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("transcriptId,closedAt,agentId,team,shopId,channel,rulebook,autoScore,autoStatus,reviewedScore,status,failedRules,complaintType,complaintSeverity\n");
        for (ScoreView v : scores) {
            sb.append(String.join(",", cell(v.transcriptId()), cell(v.closedAt().toString()), cell(v.agentId()), cell(v.team()),
                    cell(v.shopId()), cell(v.channel()), cell(v.rulebookId() + "@" + v.rulebookVersion()),
                    Integer.toString(v.autoScore()), cell(v.autoStatus()), v.reviewedScore() == null ? "" : v.reviewedScore().toString(),
                    cell(v.status().name()), cell(String.join(";", v.failedRules())), cell(v.complaintType()),
                    cell(v.complaintSeverity()))).append('\n');
        }
        return sb.toString();
    }

    /** Quotes when needed; a leading = + - @ is defused (spreadsheet formula injection). */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}

package io.kefu.cli.qa.report;

import io.kefu.cli.TerminalText;
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

    /**
     * OWASP CSV-injection guidance: every cell quoted, quotes doubled, and a cell that a spreadsheet would read as
     * a formula (first character = + - @ tab or CR) prefixed with a single quote. Line breaks inside a cell (bare
     * CR or LF) become spaces and other control characters visible escapes ({@link TerminalText#value}), so no
     * value can end its cell or row early, whichever CSV dialect reads the file.
     */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        v = TerminalText.value(v.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}

package io.kefu.cli.qa;

import io.kefu.cli.TerminalText;
import io.kefu.shared.app.qa.ScoreView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Plain-text tables for the terminal (CJK characters count double, as terminals draw them). */
final class Text {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Text() {}

    static String time(Instant at, ZoneId zone) {
        return at == null ? "-" : MINUTE.format(at.atZone(zone));
    }

    /** "62", or "62→85" when a lead overrode it. */
    static String score(ScoreView v) {
        return v.reviewedScore() == null || v.reviewedScore() == v.autoScore()
                ? Integer.toString(v.autoScore()) : v.autoScore() + "→" + v.reviewedScore();
    }

    static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        for (List<String> row : rows) {
            all.add(row.stream().map(TerminalText::value).toList()); // one cell cannot forge a line or restyle the rest
        }
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i) == null ? "" : row.get(i);
                sb.append(cell);
                if (i < row.size() - 1) {
                    sb.append(" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static int width(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
                    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60)) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}

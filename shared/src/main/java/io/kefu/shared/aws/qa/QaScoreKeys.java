package io.kefu.shared.aws.qa;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Key layout of the QaScores table (one place, so the repository and the queries agree).
 *
 * <pre>
 * item            pk                 sk                              GSI keys
 * score           TRANSCRIPT#{id}    SCORE#{rulebook}#{version:06}   ByAgent   gsi1pk AGENT#{agentId}           gsi1sk {closedAt}#{id}
 *                                                                    ByTeamDay gsi2pk TEAM#{team}#{yyyy-MM-dd}  gsi2sk {closedAt}#{id}
 *                                                                    ByStatus  gsi3pk STATUS#{NEEDS_REVIEW|FAIL} gsi3sk {closedAt}#{id}  (sparse)
 * rule failure    TRANSCRIPT#{id}    FAIL#{rulebook}#{version:06}#{ruleId}
 *                                                                    ByRule    gsi4pk RULE#{ruleId}             gsi4sk {closedAt}#{id}
 * </pre>
 * A superseded score (re-scored with a newer rulebook version) loses its gsi1-3 keys and its rule items.
 */
public final class QaScoreKeys {
    static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private QaScoreKeys() {}

    public static String pk(String transcriptId) {
        return "TRANSCRIPT#" + transcriptId;
    }

    public static String scoreSk(String rulebookId, int version) {
        return "SCORE#" + rulebookId + "#" + String.format("%06d", version);
    }

    public static String failureSk(String rulebookId, int version, String ruleId) {
        return "FAIL#" + rulebookId + "#" + String.format("%06d", version) + "#" + ruleId;
    }

    public static String agent(String agentId) {
        return "AGENT#" + agentId;
    }

    /** Day in the shop's time zone: a QA lead's "today" is a China Standard Time day. */
    public static String teamDay(String team, Instant at, ZoneId zone) {
        return "TEAM#" + team + "#" + DAY.format(at.atZone(zone));
    }

    public static String status(String status) {
        return "STATUS#" + status;
    }

    public static String rule(String ruleId) {
        return "RULE#" + ruleId;
    }

    /** Fixed-width UTC time, so string order is time order (Instant.toString drops zero fractions). */
    public static String sortable(Instant at, String transcriptId) {
        return SORTABLE.format(at) + "#" + transcriptId;
    }
}

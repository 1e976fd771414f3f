package io.kefu.shared.aws.qa;

import io.kefu.shared.domain.SortableTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Key layout of the QaScores table (one place, so the repository and the queries agree).
 *
 * <pre>
 * item            pk                 sk                              GSI keys
 * score           TRANSCRIPT#{id}    SCORE#{rulebook}#{version:06}   ByAgent   gsi1pk AGENT#{agentId}            sort key closedAt
 *                                                                    ByTeamDay gsi2pk TEAM#{team}#{yyyy-MM-dd}   sort key closedAt
 *                                                                    ByStatus  gsi3pk STATUS#{NEEDS_REVIEW|FAIL} sort key closedAt (sparse)
 * rule failure    RULE#{ruleId}      {closedAt}#{id}#{rulebook}#{version:06}   (none: the rule listing is a Query on the table)
 *   before it:    TRANSCRIPT#{id}    FAIL#{rulebook}#{version:06}#{ruleId}     (ByRule gsi4pk/gsi4sk, index since removed)
 * review audit    TRANSCRIPT#{id}    REVIEW#{at}#{reviewer}          (none: read with the transcript)
 * team registry   REGISTRY           TEAMS                           (a string set of team names, for "all teams")
 * </pre>
 * Items stored before this layout also carry gsi1sk..gsi3sk ({closedAt}#{id}); nothing reads them now.
 * A superseded score (re-scored with a newer rulebook version) loses its gsi1-3 keys and its rule items.
 * A lead's review or an agent's dispute moves the score's gsi3pk to STATUS#REVIEWED / STATUS#DISPUTED
 * (the automatic score fields stay as they were; see DynamoQaReviewStore).
 */
public final class QaScoreKeys {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private QaScoreKeys() {}

    public static String pk(String transcriptId) {
        return "TRANSCRIPT#" + transcriptId;
    }

    public static String scoreSk(String rulebookId, int version) {
        return "SCORE#" + rulebookId + "#" + String.format("%06d", version);
    }

    /** A rule failure's sort key under {@code RULE#<ruleId>}: time first, so a time range is a key condition. */
    public static String ruleFailureSk(Instant closedAt, String transcriptId, String rulebookId, int version) {
        return sortable(closedAt, transcriptId) + "#" + rulebookId + "#" + String.format("%06d", version);
    }

    /** Where rule failures were stored before they were keyed by rule (still deleted on a re-score). */
    public static String legacyFailureSk(String rulebookId, int version, String ruleId) {
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

    public static final String REVIEW_PREFIX = "REVIEW#";
    public static final String REGISTRY_PK = "REGISTRY";
    public static final String TEAMS_SK = "TEAMS";

    /** An audit record's sort key: time first, so a transcript's reviews read in order. */
    public static String reviewSk(Instant at, String reviewer) {
        return REVIEW_PREFIX + SortableTime.format(at) + "#" + reviewer;
    }

    /** A day's first and last possible gsi sort keys ({closedAt}#{id}), for BETWEEN on a time range. */
    public static String sortableFrom(Instant at) {
        return SortableTime.format(at);
    }

    public static String sortableTo(Instant at) {
        return SortableTime.format(at) + "#\uffff";
    }

    /** The last closedAt before {@code at} (millisecond times): BETWEEN from and this is closedAt in [from, at). */
    public static String closedBefore(Instant at) {
        Instant millis = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return SortableTime.format(millis.equals(at) ? millis.minusMillis(1) : millis);
    }

    /** Parses a stored closedAt/scoredAt attribute. */
    public static Instant parseSortable(String text) {
        return Instant.parse(text);
    }

    /** The day string of a team-day partition key, in the shop's zone. */
    public static String day(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    /** Fixed-width UTC time, so string order is time order (Instant.toString drops zero fractions). */
    public static String sortable(Instant at, String transcriptId) {
        return SortableTime.format(at) + "#" + transcriptId;
    }
}

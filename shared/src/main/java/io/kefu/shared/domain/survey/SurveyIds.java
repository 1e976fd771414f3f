package io.kefu.shared.domain.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic ids and keys, so a resent request or a retried send is recognised as the same effect. */
public final class SurveyIds {
    private SurveyIds() {}

    /** The same request always maps to the same survey; that is what makes a duplicate request harmless. */
    public static String surveyId(String requestId) {
        return "svy_" + sha256Hex(requestId).substring(0, 24);
    }

    public static String sendKey(String surveyId) {
        return "survey:" + surveyId;
    }

    public static String reminderKey(String surveyId) {
        return "survey-reminder:" + surveyId;
    }

    public static String lowScoreFollowUpId(String surveyId) {
        return "survey-low:" + surveyId;
    }

    /** Which DueByTime partition a survey lives in; stable so every write of the survey agrees. */
    public static int dueShard(String surveyId, int shards) {
        return Math.floorMod(surveyId.hashCode(), shards);
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

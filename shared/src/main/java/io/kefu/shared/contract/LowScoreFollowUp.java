package io.kefu.shared.contract;

import java.time.Instant;
import java.util.Map;

/**
 * A follow-up (回访) case for a supervisor, opened by a low survey score, on the follow-ups queue.
 * {@code followUpId} ("survey-low:" + surveyId) is the idempotency key: the survey function may send it
 * more than once after a crash, so consumers drop repeats. {@code comment} is already PII-redacted.
 *
 * @param kind          always LOW_SCORE (the follow-ups queue also carries other kinds of task)
 * @param transcriptId  the chat, for POST_CHAT surveys
 * @param orderId       the order, when known
 */
public record LowScoreFollowUp(
        int schemaVersion,
        String followUpId,
        String kind,
        String surveyId,
        String surveyKind,
        String customerId,
        String subjectId,
        String transcriptId,
        String orderId,
        String agentId,
        String team,
        int csat,
        Integer nps,
        Map<String, Integer> topicRatings,
        String comment,
        Instant answeredAt,
        Instant createdAt) {

    public static final int VERSION = 1;
    public static final String KIND = "LOW_SCORE";
}

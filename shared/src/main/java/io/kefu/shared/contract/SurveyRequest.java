package io.kefu.shared.contract;

import java.time.Instant;

/**
 * "Please survey this customer about this subject": sent by the scoring function (POST_CHAT), the
 * care functions (POST_DELIVERY after a late delivery) and the order system (POST_DELIVERY,
 * POST_COMPLAINT) to the survey-requests queue.
 *
 * @param requestId deterministic for the subject (e.g. "chat:" + transcriptId), so a resend is recognised
 * @param kind POST_CHAT, POST_DELIVERY or POST_COMPLAINT
 * @param subjectId the transcript, order or complaint the survey asks about
 */
public record SurveyRequest(
        int schemaVersion,
        String requestId,
        String kind,
        String customerId,
        String subjectId,
        String orderId,
        String agentId,
        String team,
        String locale,
        String channel,
        Instant occurredAt) {

    public static final int VERSION = 1;
}

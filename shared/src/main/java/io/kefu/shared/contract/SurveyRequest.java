package io.kefu.shared.contract;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
        @JsonDeserialize(using = StrictText.class) String requestId,
        @JsonDeserialize(using = StrictText.class) String kind,
        @JsonDeserialize(using = StrictText.class) String customerId,
        @JsonDeserialize(using = StrictText.class) String subjectId,
        @JsonDeserialize(using = StrictText.class) String orderId,
        @JsonDeserialize(using = StrictText.class) String agentId,
        @JsonDeserialize(using = StrictText.class) String team,
        @JsonDeserialize(using = StrictText.class) String locale,
        @JsonDeserialize(using = StrictText.class) String channel,
        @JsonDeserialize(using = StrictInstant.class) Instant occurredAt) {

    public static final int VERSION = 1;
}

package io.kefu.shared.contract;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.kefu.shared.domain.survey.ResponseToken;
import io.kefu.shared.domain.survey.Topic;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.JsonContract;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A customer's answer, from the survey page to the survey-responses queue. The token from the survey
 * link is the only proof of who answered; nothing else in the message is trusted for identity.
 *
 * @param csat         1-5, required
 * @param nps          0-10, optional
 * @param comment      optional free text (PII is redacted before it is stored)
 * @param topicRatings optional 1-5 per topic: PRODUCT_QUALITY, SERVICE_ATTITUDE, LOGISTICS_SPEED
 * @param answeredAt   when the page submitted it (informational; acceptance uses the function's clock)
 */
public record SurveyResponseMessage(
        int schemaVersion,
        @JsonDeserialize(using = StrictText.class) String token,
        Integer csat,
        Integer nps,
        @JsonDeserialize(using = StrictText.class) String comment,
        Map<String, Integer> topicRatings,
        @JsonDeserialize(using = StrictInstant.class) Instant answeredAt) {

    public static final int VERSION = 1;
    public static final int MAX_COMMENT = 1000;

    public static final JsonContract<SurveyResponseMessage> CONTRACT =
            JsonContract.withClock(SurveyResponseMessage.class, 16 * 1024, Set.of(VERSION), SurveyResponseMessage::validate);

    static void validate(SurveyResponseMessage m, Instant now) {
        if (!ResponseToken.wellFormed(m.token())) {
            throw new InvalidMessageException("token", "missing or malformed token");
        }
        if (m.csat() == null || m.csat() < 1 || m.csat() > 5) {
            throw new InvalidMessageException("csat", "required integer 1-5");
        }
        if (m.nps() != null && (m.nps() < 0 || m.nps() > 10)) {
            throw new InvalidMessageException("nps", "integer 0-10 when present");
        }
        if (m.comment() != null && m.comment().length() > MAX_COMMENT) {
            throw new InvalidMessageException("comment", "longer than " + MAX_COMMENT + " characters");
        }
        ContractTimes.happened("answeredAt", m.answeredAt(), now);
        if (m.topicRatings() != null) {
            m.topicRatings().forEach((topic, rating) -> {
                try {
                    Topic.valueOf(topic);
                } catch (IllegalArgumentException e) {
                    throw new InvalidMessageException("topicRatings." + topic,
                            "unknown topic; one of PRODUCT_QUALITY, SERVICE_ATTITUDE, LOGISTICS_SPEED");
                }
                if (rating == null || rating < 1 || rating > 5) {
                    throw new InvalidMessageException("topicRatings." + topic, "rating must be 1-5");
                }
            });
        }
    }
}

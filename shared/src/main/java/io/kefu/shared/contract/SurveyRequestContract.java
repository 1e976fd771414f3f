package io.kefu.shared.contract;

import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.survey.SurveyKind;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.JsonContract;
import java.time.Instant;
import java.util.Set;

/** Validation of {@link SurveyRequest}: what the survey scheduler accepts from its three producers. */
public final class SurveyRequestContract {
    private static final int MAX_ID = 200;

    public static final JsonContract<SurveyRequest> CONTRACT =
            JsonContract.withClock(SurveyRequest.class, 8 * 1024, Set.of(SurveyRequest.VERSION), SurveyRequestContract::validate);

    private SurveyRequestContract() {}

    static void validate(SurveyRequest r, Instant now) {
        requireId("requestId", r.requestId());
        requireId("customerId", r.customerId());
        requireId("subjectId", r.subjectId());
        if (r.kind() == null || !SurveyKind.isKnown(r.kind())) {
            throw new InvalidMessageException("kind", "must be one of POST_CHAT, POST_DELIVERY, POST_COMPLAINT");
        }
        if (r.occurredAt() == null) {
            throw new InvalidMessageException("occurredAt", "required ISO-8601 instant: the delay counts from it");
        }
        ContractTimes.happened("occurredAt", r.occurredAt(), now);
        if (r.channel() != null) {
            try {
                Channel.valueOf(r.channel());
            } catch (IllegalArgumentException e) {
                throw new InvalidMessageException("channel", "must be one of SMS, APP_PUSH, IM");
            }
        }
        optionalId("orderId", r.orderId());
        optionalId("agentId", r.agentId());
        optionalId("team", r.team());
        if (r.locale() != null && r.locale().length() > 20) {
            throw new InvalidMessageException("locale", "longer than 20 characters");
        }
    }

    private static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidMessageException(field, "required");
        }
        optionalId(field, value);
    }

    private static void optionalId(String field, String value) {
        // '#' separates parts of our DynamoDB keys; refusing it keeps one id from posing as another.
        if (value != null && (value.length() > MAX_ID || value.indexOf('#') >= 0)) {
            throw new InvalidMessageException(field, "at most " + MAX_ID + " characters and no '#'");
        }
    }
}

package io.kefu.shared.survey;

import io.kefu.shared.domain.survey.FatigueRule;
import io.kefu.shared.domain.survey.Survey;
import io.kefu.shared.domain.survey.SurveyAnswer;
import io.kefu.shared.effects.Lease;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Surveys, customer windows and response tokens. Every {@code boolean} method is one conditional
 * write: true means this caller won the transition and owns its effect; false means somebody else
 * (or an earlier attempt) already moved the survey on.
 */
public interface SurveyStore {

    Optional<Survey> find(String surveyId);

    Optional<RecordedAnswer> answer(String surveyId);

    /** Insert if no survey with that id exists (a duplicate request loses). */
    default boolean create(Survey survey) {
        return create(survey, null);
    }

    /** {@link #create(Survey)}, with the payload hash of the request it came from stored beside its id. */
    boolean create(Survey survey, String requestHash);

    /** The payload hash of the request a survey came from (empty: none stored). */
    Optional<String> requestHash(String surveyId);

    /** The survey holding the customer's fatigue window, with that survey's current status. */
    Optional<FatigueRule.Holder> windowHolder(String customerId);

    /** Take the window if it is still held by {@code expectedHolderId} (null: held by nobody). */
    boolean claimWindow(String customerId, String expectedHolderId, FatigueRule.Holder next);

    /** SCHEDULED -> SUPERSEDED. */
    boolean supersede(String surveyId, String bySurveyId);

    /** SCHEDULED -> CANCELLED (e.g. the customer opted out after it was scheduled). */
    boolean cancel(String surveyId, String reason);

    /** SCHEDULED stays SCHEDULED with a later due time (the customer's quiet hours changed meanwhile). */
    boolean reschedule(String surveyId, Instant dueAt);

    /** Surveys in one DueByTime partition whose next action is due at or before {@code horizon}. */
    List<Survey> dueBy(int shard, Instant horizon, int limit);

    /** SCHEDULED, or SENDING with an expired lease, -> SENDING under {@code lease}. */
    boolean claimSend(String surveyId, Instant now, Lease lease);

    /** SENDING under our lease -> SENT. */
    boolean completeSend(String surveyId, Lease lease, Instant sentAt, Instant remindAt, Instant expiresAt);

    /** SENT with a reminder due by {@code horizon}, or REMINDING with an expired lease, -> REMINDING. */
    boolean claimReminder(String surveyId, Instant now, Instant horizon, Lease lease);

    /**
     * Hands back a SENDING/REMINDING lease this attempt still holds (its send failed with an error): the survey
     * is due again at {@code now}, so the next run finishes it with the same key. A no-op otherwise.
     */
    void releaseLease(String surveyId, Lease lease, Instant now);

    /** REMINDING under our lease -> REMINDED. */
    boolean completeReminder(String surveyId, Lease lease, Instant remindedAt);

    /** SENT / REMINDED (or REMINDING with an expired lease) past its expiry -> EXPIRED. */
    boolean expire(String surveyId, Instant now);

    /** An answerable, unexpired survey -> ANSWERED, once. */
    boolean recordAnswer(String surveyId, SurveyAnswer answer, Instant answeredAt, String sourceMessageId,
                         String payloadHash, Instant now);

    /** ANSWERED -> AGGREGATED: aggregates and follow-up are done. */
    boolean markAggregated(String surveyId);

    /** Remember a token's hash (never the token) for the survey it answers. */
    void saveToken(String tokenHash, String surveyId, String customerId, Instant expiresAt);

    Optional<TokenOwner> findToken(String tokenHash);

    record TokenOwner(String surveyId, String customerId) {}
}

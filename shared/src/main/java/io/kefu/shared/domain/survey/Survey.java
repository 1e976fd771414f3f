package io.kefu.shared.domain.survey;

import io.kefu.shared.domain.customer.Channel;
import java.time.Instant;

/**
 * One survey of one customer about one subject, as stored. Times are null until they apply.
 *
 * @param requestId  the request that created it ("chat:"+transcriptId, ...); {@link SurveyIds#surveyId} derives the id from it
 * @param subjectId  transcript, order or complaint the survey is about
 * @param dueAt      when it is to be sent (quiet hours already applied)
 * @param remindAt   when its one reminder is due, null when none is planned
 * @param leaseUntil while SENDING/REMINDING: when another dispatcher may take over
 */
public record Survey(
        String surveyId,
        String requestId,
        SurveyKind kind,
        SurveyStatus status,
        String customerId,
        String subjectId,
        String orderId,
        String agentId,
        String team,
        String locale,
        Channel channel,
        Instant requestedAt,
        Instant dueAt,
        Instant sentAt,
        Instant remindAt,
        Instant expiresAt,
        Instant leaseUntil,
        String skipReason) {

    public Survey withStatus(SurveyStatus next) {
        return new Survey(surveyId, requestId, kind, next, customerId, subjectId, orderId, agentId, team, locale,
                channel, requestedAt, dueAt, sentAt, remindAt, expiresAt, leaseUntil, skipReason);
    }
}

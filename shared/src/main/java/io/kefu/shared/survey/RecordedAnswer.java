package io.kefu.shared.survey;

import io.kefu.shared.domain.survey.SurveyAnswer;
import java.time.Instant;

/**
 * An answer as stored on its survey.
 *
 * @param sourceMessageId the SQS message that recorded it: a redelivery of that message finishes the work
 * @param payloadHash     {@link io.kefu.shared.effects.PayloadHash} of the answer message: another message with
 *                        the same token and hash is an identical resend (a no-op), a different hash a replay
 *                        that is rejected; null on answers stored before hashes were kept
 */
public record RecordedAnswer(SurveyAnswer answer, Instant answeredAt, String sourceMessageId, String payloadHash) {}

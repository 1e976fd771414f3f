package io.kefu.shared.survey;

import io.kefu.shared.domain.survey.SurveyAnswer;
import java.time.Instant;

/**
 * An answer as stored on its survey.
 *
 * @param sourceMessageId the SQS message that recorded it: a redelivery of that message finishes the
 *                        work, any other message with the same token is a replay and is rejected
 */
public record RecordedAnswer(SurveyAnswer answer, Instant answeredAt, String sourceMessageId) {}

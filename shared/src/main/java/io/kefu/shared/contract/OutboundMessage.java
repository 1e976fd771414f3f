package io.kefu.shared.contract;

import io.kefu.shared.domain.customer.Channel;
import java.time.Instant;

/**
 * A message for the messaging gateway (outside this project) on the outbound-messages queue.
 *
 * <p>{@code messageKey} is deterministic for the effect it carries (one care incident, one survey
 * send, one reminder): SQS and our own retries deliver at least once, so the gateway must drop a
 * second message with a key it has already delivered. {@code body} is final text, already fitted to
 * the channel's length limit; the gateway adds no content.
 *
 * @param kind CARE_NOTICE, CARE_RECOVERY, SURVEY, SURVEY_REMINDER
 * @param referenceId the order id (care) or survey id (surveys) the message is about
 */
public record OutboundMessage(
        int schemaVersion,
        String messageKey,
        String kind,
        String customerId,
        Channel channel,
        String locale,
        String body,
        String referenceId,
        Instant createdAt) {

    public static final int VERSION = 1;
}

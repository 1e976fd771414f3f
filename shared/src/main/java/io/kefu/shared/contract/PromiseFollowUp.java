package io.kefu.shared.contract;

import java.time.Instant;

/**
 * A follow-up task on the follow-ups queue: an agent promised to come back ("稍后回复您") and someone
 * must make sure it happens by {@code dueBy}. Sent by the scoring function.
 *
 * <p>{@code followUpId} = "promise:" + transcriptId + ":" + messageIndex is the idempotency key: the
 * same promise gives the same id across redeliveries and re-scores with a new rulebook, and a crash
 * between sending and storing the score can send it twice, so consumers drop repeats by this id.
 * {@code reason} is the agent's sentence, PII-redacted.
 */
public record PromiseFollowUp(
        int schemaVersion,
        String followUpId,
        String kind,
        String transcriptId,
        int messageIndex,
        String agentId,
        String team,
        String customerId,
        String orderId,
        String locale,
        Instant promisedAt,
        Instant dueBy,
        String reason) {

    public static final int VERSION = 1;
    public static final String KIND = "AGENT_PROMISE";

    public static String idFor(String transcriptId, int messageIndex) {
        return "promise:" + transcriptId + ":" + messageIndex;
    }
}

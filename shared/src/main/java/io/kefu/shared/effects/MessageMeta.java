package io.kefu.shared.effects;

import java.time.Clock;

/**
 * What a per-message function may know of its SQS envelope: ids for idempotency keys and logs, and the
 * invocation it runs in (the deadline of any lease it takes).
 */
public record MessageMeta(String messageId, int receiveCount, String eventSourceArn, Invocation invocation) {
    /** Outside a Lambda invocation (tests): a full default timeout from now on the system clock. */
    public MessageMeta(String messageId, int receiveCount, String eventSourceArn) {
        this(messageId, receiveCount, eventSourceArn, Invocation.fresh(Clock.systemUTC()));
    }
}

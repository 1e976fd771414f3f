package io.kefu.shared.aws;

/** What a per-message function may know of its SQS envelope: ids for idempotency keys and logs. */
public record MessageMeta(String messageId, int receiveCount, String eventSourceArn) {}

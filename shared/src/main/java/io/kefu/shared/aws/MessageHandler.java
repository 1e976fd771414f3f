package io.kefu.shared.aws;

import io.kefu.shared.effects.MessageMeta;

/**
 * The per-message work of a function. Throw {@link io.kefu.shared.json.InvalidMessageException}
 * for bad input (parked at once), anything else for "try again" (the message is reported as a batch
 * item failure and reappears after the visibility timeout).
 */
@FunctionalInterface
public interface MessageHandler<T> {
    void handle(T message, MessageMeta meta) throws Exception;
}

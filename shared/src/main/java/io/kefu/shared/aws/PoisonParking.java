package io.kefu.shared.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.json.InvalidMessageException;

/** Where bad input goes so it is kept for inspection without being retried. */
@FunctionalInterface
public interface PoisonParking {
    void park(SQSEvent.SQSMessage message, InvalidMessageException why) throws Exception;
}

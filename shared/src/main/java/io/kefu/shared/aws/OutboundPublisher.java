package io.kefu.shared.aws;

import io.kefu.shared.contract.OutboundMessage;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts messages for the gateway on the outbound-messages queue, the idempotency key also as an attribute. */
public final class OutboundPublisher {
    private final JsonQueue queue;

    public OutboundPublisher(SqsClient sqs, String queueUrl) {
        this.queue = new JsonQueue(sqs, queueUrl);
    }

    public void publish(OutboundMessage message) {
        publish(message, Duration.ZERO);
    }

    /**
     * Held back by SQS for {@code delay} (0-15 minutes, rounded down to seconds): lets a dispatcher that
     * runs every minute still deliver on the second a message is due.
     */
    public void publish(OutboundMessage message, Duration delay) {
        queue.send(message, Map.of("messageKey", message.messageKey()), delay);
    }
}

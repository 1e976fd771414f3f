package io.kefu.shared.aws;

import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.json.Json;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Puts messages for the gateway on the outbound-messages queue, the idempotency key also as an attribute. */
public final class OutboundPublisher {
    private final SqsClient sqs;
    private final String queueUrl;

    public OutboundPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void publish(OutboundMessage message) {
        publish(message, Duration.ZERO);
    }

    /**
     * Held back by SQS for {@code delay} (0-15 minutes, rounded down to seconds): lets a dispatcher that
     * runs every minute still deliver on the second a message is due.
     */
    public void publish(OutboundMessage message, Duration delay) {
        int delaySeconds = (int) Math.max(0, Math.min(900, delay.getSeconds()));
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .delaySeconds(delaySeconds)
                .messageBody(Json.write(message))
                .messageAttributes(Map.of("messageKey", MessageAttributeValue.builder()
                        .dataType("String").stringValue(message.messageKey()).build())));
    }
}

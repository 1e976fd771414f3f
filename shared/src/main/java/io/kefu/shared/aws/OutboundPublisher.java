package io.kefu.shared.aws;

import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.json.Json;
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
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(Json.write(message))
                .messageAttributes(Map.of("messageKey", MessageAttributeValue.builder()
                        .dataType("String").stringValue(message.messageKey()).build())));
    }
}

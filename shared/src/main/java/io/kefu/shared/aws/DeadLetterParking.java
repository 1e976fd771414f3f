package io.kefu.shared.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.json.InvalidMessageException;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Parks a bad message in the function's DLQ straight away (instead of waiting for maxReceiveCount
 * redeliveries), with the reason as message attributes so an operator can see why.
 */
public final class DeadLetterParking implements PoisonParking {
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public DeadLetterParking(SqsClient sqs, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public void park(SQSEvent.SQSMessage message, InvalidMessageException why) {
        String body = message.getBody() == null || message.getBody().isEmpty() ? "<empty>" : message.getBody();
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl)
                .messageBody(body)
                .messageAttributes(Map.of(
                        "kefu.error.field", text(why.field()),
                        "kefu.error.reason", text(truncate(why.reason(), 1000)),
                        "kefu.source.messageId", text(message.getMessageId()),
                        "kefu.source.queue", text(String.valueOf(message.getEventSourceArn())))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}

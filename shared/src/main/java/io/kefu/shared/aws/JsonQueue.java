package io.kefu.shared.aws;

import io.kefu.shared.json.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One SQS queue that takes JSON contracts: the single place the publishers turn a record into a
 * message body, string attributes (idempotency keys for consumers that dedupe) and an optional delay.
 */
public final class JsonQueue {
    /** SQS holds a message back for at most 15 minutes. */
    private static final long MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;

    public JsonQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void send(Object message, Map<String, String> attributes) {
        send(message, attributes, Duration.ZERO);
    }

    /** @param delay clamped to 0-15 minutes and rounded down to seconds */
    public void send(Object message, Map<String, String> attributes, Duration delay) {
        int delaySeconds = (int) Math.max(0, Math.min(MAX_DELAY_SECONDS, delay.getSeconds()));
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, value) -> values.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .delaySeconds(delaySeconds)
                .messageBody(Json.write(message))
                .messageAttributes(values));
    }
}

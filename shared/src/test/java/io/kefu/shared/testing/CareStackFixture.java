package io.kefu.shared.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The embedded stack, a hand-moved clock and helpers to build SQS events and read queues and tables. */
public final class CareStackFixture {
    public final LocalAwsStack stack = LocalAwsStack.isolated();
    public final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T02:00:00Z")); // 10:00 in Shanghai

    public static String fixture(String name) {
        return EventFixtures.read(Path.of("events", "shipments", name));
    }

    public static SQSEvent batch(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(UUID.randomUUID().toString());
            m.setBody(body);
            m.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:shipment-events");
            m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** Every message now on the queue, removed from it. */
    public List<Message> drain(String queueLogicalId) {
        String url = stack.queueUrl(queueLogicalId);
        List<Message> out = new ArrayList<>();
        while (true) {
            List<Message> page = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (page.isEmpty()) {
                return out;
            }
            out.addAll(page);
            page.forEach(m -> stack.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }

    public List<Map<String, Object>> drainJson(String queueLogicalId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Message m : drain(queueLogicalId)) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = Json.mapper().readValue(m.body(), Map.class);
                out.add(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public Map<String, AttributeValue> item(String tableLogicalId, String pk, String sk) {
        return stack.dynamoDb().getItem(b -> b.tableName(stack.tableName(tableLogicalId))
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

}

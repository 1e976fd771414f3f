package io.kefu.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class LocalLambdaRuntimeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private LocalAwsStack stack;

    @BeforeEach
    void freshResources() throws URISyntaxException {
        Path template = Path.of(getClass().getResource("/runtime-test-template.yaml").toURI());
        stack = LocalAwsStack.shared().withTemplate(template, LocalAwsStack.uniqueStage());
    }

    @Test
    void failedMessageReappearsAndReachesTheDlqAfterMaxReceiveCountWhileTheRestOfItsBatchIsDeleted() {
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).functions("WorkerFunction")
                .failedMessageVisibility(Duration.ZERO).build();
        send("ok-1", "fail-1", "ok-2", "ok-3");

        runtime.drain();

        assertThat(results().keySet()).containsExactlyInAnyOrder("msg#ok-1", "msg#ok-2", "msg#ok-3");
        assertThat(results().get("msg#ok-1").get("receiveCount").n()).isEqualTo("1");
        assertThat(bodies(receiveAll("WorkDlq"))).containsExactly("fail-1");
        assertThat(receiveAll("WorkQueue")).isEmpty();
        FunctionStats stats = runtime.stats("WorkerFunction");
        assertThat(stats.messagesFailed()).isEqualTo(3); // maxReceiveCount in the test template
        assertThat(stats.messagesDeleted()).isEqualTo(3);
        assertThat(stats.invocations()).isEqualTo(3);
    }

    @Test
    void handlerThatThrowsFailsTheWholeBatchWhichIsRetried() {
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).functions("WorkerFunction")
                .failedMessageVisibility(Duration.ZERO).build();
        send("a", "boom", "b");

        runtime.drain();

        assertThat(runtime.stats("WorkerFunction").errors()).isEqualTo(1);
        assertThat(results().keySet()).containsExactlyInAnyOrder("msg#a", "msg#boom", "msg#b");
        assertThat(results().values()).allSatisfy(item -> assertThat(item.get("receiveCount").n()).isEqualTo("2"));
        assertThat(receiveAll("WorkDlq")).isEmpty();
    }

    @Test
    void withoutShortVisibilityAFailedMessageStaysInFlightForTheQueuesVisibilityTimeout() {
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).functions("WorkerFunction").build();
        send("fail-slow");

        runtime.pollOnce("WorkerFunction");

        assertThat(receiveAll("WorkQueue")).isEmpty(); // invisible for 180 s
        assertThat(runtime.stats("WorkerFunction").messagesFailed()).isEqualTo(1);
    }

    @Test
    void handlersGetTheLambdaSqsEventShape() {
        List<SQSEvent> seen = new CopyOnWriteArrayList<>();
        RequestHandler<SQSEvent, SQSBatchResponse> capture = (event, context) -> {
            seen.add(event);
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        };
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).functions("WorkerFunction")
                .handler("WorkerFunction", capture).build();
        stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl("WorkQueue")).messageBody("{\"x\":1}")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("test").build())));

        runtime.drain();

        SQSEvent.SQSMessage record = seen.get(0).getRecords().get(0);
        assertThat(record.getMessageId()).isNotBlank();
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getBody()).isEqualTo("{\"x\":1}");
        assertThat(record.getMd5OfBody()).hasSize(32);
        assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
        assertThat(record.getMessageAttributes().get("kind").getStringValue()).isEqualTo("test");
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo(stack.queueArn("WorkQueue"));
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(runtime.invocations("WorkerFunction")).isEqualTo(1);
    }

    @Test
    void scheduledFunctionFiresWhenTheInjectedClockPassesItsTime() {
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).functions("TickFunction")
                .clock(ManualClock.at(T0)).build();

        assertThat(runtime.advanceClock(Duration.ofMinutes(59))).isEmpty();
        assertThat(runtime.invocations("TickFunction")).isZero();

        assertThat(runtime.advanceClock(Duration.ofMinutes(1))).containsExactly("TickFunction.Hourly");
        assertThat(results()).containsKey("tick#2026-03-02T11:00:00Z");
        assertThat(results().get("tick#2026-03-02T11:00:00Z").get("source").s()).isEqualTo("aws.events");

        // three days later: missed runs coalesce into one invocation at the latest due time
        runtime.advanceClock(Duration.ofDays(3));
        assertThat(runtime.invocations("TickFunction")).isEqualTo(2);
        assertThat(results().get("tick#2026-03-05T11:00:00Z").get("clock").s()).isEqualTo("2026-03-05T11:00:00Z");
        assertThat(runtime.nextScheduledTimes()).containsEntry("TickFunction.Hourly", Instant.parse("2026-03-05T12:00:00Z"));
    }

    @Test
    void handlerIsBuiltWithTheFunctionsResolvedEnvironmentAndTheRuntimeClock() {
        ManualClock clock = ManualClock.at(T0);
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).clock(clock).build();
        var env = runtime.environment("WorkerFunction");
        assertThat(env.require("RESULTS_TABLE")).isEqualTo(stack.tableName("ResultsTable"));
        assertThat(env.require("STAGE")).isEqualTo(stack.stage());
        assertThat(env.require("AWS_ENDPOINT_URL_SQS")).isEqualTo(stack.sqsEndpoint().toString());
        assertThat(env.clock().instant()).isEqualTo(T0);
        assertThat(runtime.handler("WorkerFunction")).isInstanceOf(io.kefu.local.runtime.testing.RecordingSqsHandler.class);
    }

    private void send(String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies[i]).build());
        }
        stack.sqs().sendMessageBatch(b -> b.queueUrl(stack.queueUrl("WorkQueue")).entries(entries));
    }

    private List<Message> receiveAll(String queue) {
        return stack.sqs().receiveMessage(b -> b.queueUrl(stack.queueUrl(queue)).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages();
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    private Map<String, Map<String, AttributeValue>> results() {
        return stack.dynamoDb().scan(b -> b.tableName(stack.tableName("ResultsTable"))).items().stream()
                .collect(Collectors.toMap(item -> item.get("pk").s(), item -> item));
    }
}

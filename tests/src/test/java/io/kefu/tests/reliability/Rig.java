package io.kefu.tests.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.ManualClock;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.shared.runtime.Environment;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * One stage of the embedded stack with the real functions on a {@link LocalLambdaRuntime}: failed messages
 * come back after {@code failedVisibility} (not 180 s), and a function's SQS/DynamoDB endpoints can be pointed at
 * a {@link io.kefu.local.stack.FaultInjectingProxy}.
 */
final class Rig implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-28T02:00:00Z");
    /** The SQS-triggered functions and their input queues. */
    static final Map<String, String> CONSUMERS = consumers();
    static final List<String> FUNCTIONS = List.of("ScoreTranscriptFunction", "HandleShipmentEventFunction", "SweepStalledShipmentsFunction",
            "ScheduleSurveyFunction", "DispatchDueSurveysFunction", "RecordSurveyResponseFunction");

    final LocalAwsStack stack;
    final LocalLambdaRuntime runtime;
    final Effects effects;

    private final boolean ownsStage;

    private Rig(LocalAwsStack stack, LocalLambdaRuntime runtime, boolean ownsStage) {
        this.ownsStage = ownsStage;
        this.stack = stack;
        this.runtime = runtime;
        this.effects = new Effects(stack);
    }

    private static Map<String, String> consumers() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("TranscriptsQueue", "ScoreTranscriptFunction");
        map.put("ShipmentEventsQueue", "HandleShipmentEventFunction");
        map.put("SurveyRequestsQueue", "ScheduleSurveyFunction");
        map.put("SurveyResponsesQueue", "RecordSurveyResponseFunction");
        return map;
    }

    /** Another runtime on a stage someone else owns (and deletes). */
    static Builder on(LocalAwsStack stack) {
        return new Builder(stack, false);
    }

    /** A fresh stage of the shared embedded stack, deleted again on {@link #close()}. */
    static Builder fresh() {
        return new Builder(LocalAwsStack.isolated(), true);
    }

    String send(String queue, String body) {
        return stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl(queue)).messageBody(body)).messageId();
    }

    /** Sends in batches of 10; @return the message ids in order */
    List<String> sendAll(String queue, List<String> bodies) {
        List<String> ids = new ArrayList<>();
        String url = stack.queueUrl(queue);
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(bodies.get(j)).build());
            }
            var response = stack.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("send failed: " + response.failed());
            }
            Map<String, String> byEntry = new HashMap<>();
            response.successful().forEach(s -> byEntry.put(s.id(), s.messageId()));
            for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                ids.add(byEntry.get("m" + j));
            }
        }
        return ids;
    }

    void drain() {
        runtime.drain(Duration.ofSeconds(120));
    }

    /**
     * Makes the chat/delivery/complaint surveys requested so far due and sent, and returns the tokens from their
     * links (the messages stay recorded in {@link #effects}).
     */
    List<String> sendDueSurveysAndCollectTokens() {
        drain();
        runtime.advanceClock(Duration.ofMinutes(31));
        runtime.advanceClock(Duration.ofDays(1));
        runtime.advanceClock(Duration.ofDays(2));
        runtime.advanceClock(Duration.ofMinutes(1));
        drain();
        effects.collect();
        return effects.surveyTokens();
    }

    /**
     * Delivers the messages now on {@code queue} to its function's handler {@code times} times each, as SQS does
     * when a visibility timeout runs out before the delete (same message id, growing receive count); deletes what
     * the last delivery did not report failed. @return messages delivered
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    int redeliver(String queue, int times) {
        String url = stack.queueUrl(queue);
        RequestHandler handler = (RequestHandler) runtime.handler(CONSUMERS.get(queue));
        String arn = stack.queueArn(queue);
        int delivered = 0;
        while (true) {
            List<Message> batch = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(30)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                return delivered;
            }
            delivered += batch.size();
            for (int round = 1; round <= times; round++) {
                SQSEvent event = new SQSEvent();
                List<SQSEvent.SQSMessage> records = new ArrayList<>();
                for (Message m : batch) {
                    SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
                    r.setMessageId(m.messageId());
                    r.setReceiptHandle(m.receiptHandle());
                    r.setBody(m.body());
                    r.setEventSourceArn(arn);
                    Map<String, String> attributes = new HashMap<>(m.attributesAsStrings());
                    attributes.put("ApproximateReceiveCount", Integer.toString(round));
                    r.setAttributes(attributes);
                    records.add(r);
                }
                event.setRecords(records);
                SQSBatchResponse response = (SQSBatchResponse) handler.handleRequest(event, null);
                if (round == times) {
                    var failed = response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList();
                    for (Message m : batch) {
                        if (failed.contains(m.messageId())) {
                            stack.sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())
                                    .visibilityTimeout(0));
                        } else {
                            stack.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                        }
                    }
                }
            }
        }
    }

    /**
     * Deletes the stage's queues and tables (when this rig created the stage): the suite makes dozens of stages
     * on the one shared emulator pair, and other tests list its tables.
     */
    @Override
    public void close() {
        runtime.close();
        if (ownsStage) {
            stack.resources().tableNames().values().forEach(table -> quietly(() ->
                    stack.dynamoDb().deleteTable(b -> b.tableName(table))));
            stack.resources().queueUrls().values().forEach(url -> quietly(() ->
                    stack.sqs().deleteQueue(b -> b.queueUrl(url))));
        }
        stack.close();
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException alreadyGone) {
            // deleted by an earlier close
        }
    }

    static final class Builder {
        private final LocalAwsStack stack;
        private Duration failedVisibility = Duration.ZERO;
        private URI sqsEndpoint;
        private URI dynamoDbEndpoint;
        private ManualClock clock;
        private final List<String> functions = new ArrayList<>(FUNCTIONS);
        private java.util.function.BiFunction<String, Object, Object> decorator;
        private final Map<String, URI[]> perFunction = new HashMap<>();

        private final boolean ownsStage;

        private Builder(LocalAwsStack stack, boolean ownsStage) {
            this.stack = stack;
            this.ownsStage = ownsStage;
        }

        Builder failedVisibility(Duration visibility) {
            this.failedVisibility = visibility;
            return this;
        }

        /** The functions' SQS calls go here (the runtime's own receive/delete do not). */
        Builder functionSqsEndpoint(URI endpoint) {
            this.sqsEndpoint = endpoint;
            return this;
        }

        Builder functionDynamoDbEndpoint(URI endpoint) {
            this.dynamoDbEndpoint = endpoint;
            return this;
        }

        /** Only {@code functionId}'s SQS and DynamoDB calls go to these endpoints (null: unchanged). */
        Builder functionEndpoints(String functionId, URI sqs, URI dynamoDb) {
            perFunction.put(functionId, new URI[] {sqs, dynamoDb});
            return this;
        }

        Builder clock(ManualClock clock) {
            this.clock = clock;
            return this;
        }

        /** Wraps each handler (function id, handler) -> handler, e.g. to time it. */
        Builder decorate(java.util.function.BiFunction<String, Object, Object> decorator) {
            this.decorator = decorator;
            return this;
        }

        Rig build() {
            LocalLambdaRuntime.Builder builder = LocalLambdaRuntime.builder(stack)
                    .clock(clock != null ? clock : ManualClock.at(START))
                    .failedMessageVisibility(failedVisibility)
                    .functions(functions.toArray(String[]::new));
            for (String id : functions) {
                builder.handlerFactory(id, env -> {
                    Object handler = instantiate(id, withEndpoints(id, env));
                    return decorator == null ? handler : decorator.apply(id, handler);
                });
            }
            return new Rig(stack, builder.build(), ownsStage);
        }

        private Environment withEndpoints(String id, Environment env) {
            Map<String, String> variables = new HashMap<>(env.variables());
            URI[] own = perFunction.getOrDefault(id, new URI[2]);
            URI sqs = own[0] != null ? own[0] : sqsEndpoint;
            URI dynamo = own[1] != null ? own[1] : dynamoDbEndpoint;
            if (sqs != null) {
                variables.put("AWS_ENDPOINT_URL_SQS", sqs.toString());
            }
            if (dynamo != null) {
                variables.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.toString());
            }
            return Environment.of(variables, env.clock());
        }

        private Object instantiate(String id, Environment env) {
            String className = stack.template().function(id).handlerClass();
            try {
                return Class.forName(className).getConstructor(Environment.class).newInstance(env);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException(id + " constructor failed", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(id + ": cannot construct " + className, e);
            }
        }
    }
}

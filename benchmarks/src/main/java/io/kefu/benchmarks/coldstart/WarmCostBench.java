package io.kefu.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.functions.dispatch.DispatchDueSurveysHandler;
import io.kefu.functions.response.RecordSurveyResponseHandler;
import io.kefu.functions.schedule.ScheduleSurveyHandler;
import io.kefu.functions.score.ScoreTranscriptHandler;
import io.kefu.functions.shipment.HandleShipmentEventHandler;
import io.kefu.functions.sweep.SweepStalledShipmentsHandler;
import io.kefu.local.stack.FaultInjectingProxy;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.RepoRoot;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.Priming;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warm per-message cost: DynamoDB and SQS requests per processed message, per function. Each handler runs
 * in-process with its template environment, except that {@code AWS_ENDPOINT_URL_DYNAMODB} and
 * {@code AWS_ENDPOINT_URL_SQS} point at a {@link FaultInjectingProxy} (no faults; it counts calls per
 * operation) in front of the embedded stack. One warm-up batch, then measured batches of 10 sample
 * messages (events/, ids unique per batch) whose request counts are divided by the messages processed.
 *
 * <p>Surveys run as a pipeline: ScheduleSurvey on the requests, DispatchDueSurveys with the clock 4 days on
 * (every delay passed) sends them, and RecordSurveyResponse answers them with the tokens of the links
 * found on the outbound queue. Schedule functions report requests per invocation and per item handled.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.kefu.benchmarks.coldstart.WarmCostBench [--batches 3]</pre>
 */
public final class WarmCostBench {
    static final List<String> READS = List.of("GetItem", "BatchGetItem", "Query", "Scan");
    static final List<String> WRITES = List.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");
    static final List<String> SQS = List.of("SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage",
            "DeleteMessageBatch", "ChangeMessageVisibility", "GetQueueUrl", "GetQueueAttributes");
    private static final Pattern TOKEN = Pattern.compile("/s/([A-Za-z0-9_-]{16,})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAwsStack stack;
    private final Path root;
    private final FaultInjectingProxy dynamo;
    private final FaultInjectingProxy sqs;
    private final List<String> rows = new ArrayList<>();

    private WarmCostBench(LocalAwsStack stack, Path root) {
        this.stack = stack;
        this.root = root;
        this.dynamo = FaultInjectingProxy.inFrontOf(stack.dynamoDbEndpoint());
        this.sqs = FaultInjectingProxy.inFrontOf(stack.sqsEndpoint());
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 1 && args[0].equals("--batches") ? Integer.parseInt(args[1]) : 3;
        System.out.printf("warm cost: %d measured batches of 10 per SQS function; load average %.2f%n", batches,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (LocalAwsStack stack = LocalAwsStack.builder().log(line -> {}).startEmbedded()) {
            WarmCostBench bench = new WarmCostBench(stack, RepoRoot.find());
            try {
                bench.run(batches);
            } finally {
                bench.dynamo.close();
                bench.sqs.close();
            }
        }
        System.out.printf("load average at end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void run(int batches) throws Exception {
        Clock now = Clock.systemUTC();
        // 4 days on (every survey delay passed) at 11:00 Beijing time, outside quiet hours.
        java.time.Instant target = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(4).atTime(3, 0)
                .toInstant(java.time.ZoneOffset.UTC);
        Clock later = Clock.offset(now, Duration.between(now.instant(), target));
        sqsFunction("ScoreTranscriptFunction", ScoreTranscriptHandler::new, now, batches, null);
        sqsFunction("HandleShipmentEventFunction", HandleShipmentEventHandler::new, now, batches, null);
        scheduleFunction("SweepStalledShipmentsFunction", SweepStalledShipmentsHandler::new, now, "stalledFound");
        sqsFunction("ScheduleSurveyFunction", ScheduleSurveyHandler::new, now, batches, null);
        stack.sqs().purgeQueue(b -> b.queueUrl(stack.queueUrl("OutboundMessagesQueue")));
        scheduleFunction("DispatchDueSurveysFunction", DispatchDueSurveysHandler::new, later, "sent");
        List<String> tokens = outboundTokens();
        sqsFunction("RecordSurveyResponseFunction", RecordSurveyResponseHandler::new,
                Clock.offset(later, Duration.ofHours(1)), batches, tokens);
        System.out.println();
        System.out.printf("%-30s %9s | %-44s | %-44s | %s%n", "function", "per", "DynamoDB reads (GetItem/BatchGet/Query/Scan)",
                "DynamoDB writes (Put/Update/Delete/BatchWrite)", "SQS sends (SendMessage/Batch)");
        rows.forEach(System.out::println);
    }

    private void sqsFunction(String id, Function<Environment, RequestHandler<SQSEvent, SQSBatchResponse>> factory,
                             Clock clock, int batches, List<String> tokens) throws Exception {
        RequestHandler<SQSEvent, SQSBatchResponse> handler = factory.apply(environment(id, clock));
        checkPriming(id, handler);
        int[] next = {0};
        Function<Integer, SQSEvent> batch = n -> {
            try {
                return event(id, tokens, next);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        handler.handleRequest(batch.apply(0), null); // warm-up: clients, connections, caches
        if (tokens != null && next[0] >= tokens.size()) {
            throw new IllegalStateException("not enough survey tokens on the outbound queue: " + tokens.size());
        }
        Map<String, Integer> before = snapshot();
        int messages = 0;
        int failures = 0;
        for (int b = 0; b < batches; b++) {
            SQSEvent event = batch.apply(b);
            if (event.getRecords().isEmpty()) {
                break;
            }
            messages += event.getRecords().size();
            failures += handler.handleRequest(event, null).getBatchItemFailures().size();
        }
        record(id, "message", messages, before, failures);
    }

    private void scheduleFunction(String id, Function<Environment, RequestHandler<ScheduledEvent, Map<String, Object>>> factory,
                                  Clock clock, String itemKey) {
        RequestHandler<ScheduledEvent, Map<String, Object>> handler = factory.apply(environment(id, clock));
        checkPriming(id, handler);
        Map<String, Integer> before = snapshot();
        int invocations = 0;
        int items = 0;
        while (invocations < 10) {
            Map<String, Object> result = handler.handleRequest(new ScheduledEvent(), null);
            invocations++;
            System.out.println("  " + id + " -> " + result);
            int handled = result.get(itemKey) instanceof Number n ? n.intValue() : 0;
            items += handled;
            if (handled == 0) {
                break;
            }
        }
        record(id, "invocation", invocations, before, 0);
        if (items > 0) {
            rows.add(row(id, itemKey, items, before, snapshot()));
        }
    }

    /** Runs the handler's SnapStart priming steps once (what beforeCheckpoint would), before counting starts. */
    private static void checkPriming(String id, Object handler) {
        try {
            java.lang.reflect.Field field = handler.getClass().getDeclaredField("priming");
            field.setAccessible(true);
            Priming priming = (Priming) field.get(handler);
            System.out.println("  " + id + ": priming steps run without error: " + priming.prime());
        } catch (ReflectiveOperationException e) {
            System.out.println("  " + id + ": no priming field (" + e + ")");
        }
    }

    private SQSEvent event(String id, List<String> tokens, int[] next) throws Exception {
        // Shipments: one suffix per batch, so the events of one sample order stay one order; else unique per record.
        List<String> bodies = ColdStartBench.batch(root, id, "w" + UUID.randomUUID().toString().substring(0, 6),
                !id.equals("HandleShipmentEventFunction"));
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String body : bodies) {
            if (tokens != null) {
                if (next[0] >= tokens.size()) {
                    break;
                }
                ObjectNode node = (ObjectNode) JSON.readTree(body);
                node.put("token", tokens.get(next[0]++));
                body = JSON.writeValueAsString(node);
            }
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(UUID.randomUUID().toString());
            record.setBody(body);
            record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:warm");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private List<String> outboundTokens() {
        List<String> tokens = new ArrayList<>();
        String url = stack.queueUrl("OutboundMessagesQueue");
        while (true) {
            var messages = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return tokens;
            }
            for (var m : messages) {
                Matcher matcher = TOKEN.matcher(m.body());
                if (matcher.find()) {
                    tokens.add(matcher.group(1));
                }
                stack.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private Environment environment(String id, Clock clock) {
        Map<String, String> env = new LinkedHashMap<>(stack.functionEnvironment(id));
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
        return Environment.of(env, clock);
    }

    private Map<String, Integer> snapshot() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String op : READS) {
            counts.put(op, dynamo.calls(op));
        }
        for (String op : WRITES) {
            counts.put(op, dynamo.calls(op));
        }
        for (String op : SQS) {
            counts.put("sqs:" + op, sqs.calls(op));
        }
        return counts;
    }

    private void record(String id, String unit, int count, Map<String, Integer> before, int failures) {
        rows.add(row(id, unit, count, before, snapshot()) + (failures > 0 ? "  (" + failures + " batch item failures)" : ""));
    }

    private static String row(String id, String unit, int count, Map<String, Integer> before, Map<String, Integer> after) {
        double reads = 0;
        double writes = 0;
        StringBuilder readDetail = new StringBuilder();
        StringBuilder writeDetail = new StringBuilder();
        for (String op : READS) {
            double per = (after.get(op) - before.get(op)) / (double) count;
            reads += per;
            readDetail.append(String.format("%s%.2f", readDetail.length() == 0 ? "" : "/", per));
        }
        for (String op : WRITES.subList(0, 4)) {
            double per = (after.get(op) - before.get(op)) / (double) count;
            writes += per;
            writeDetail.append(String.format("%s%.2f", writeDetail.length() == 0 ? "" : "/", per));
        }
        double transact = (after.get("TransactWriteItems") - before.get("TransactWriteItems")) / (double) count;
        writes += transact;
        double send = (after.get("sqs:SendMessage") - before.get("sqs:SendMessage")) / (double) count;
        double sendBatch = (after.get("sqs:SendMessageBatch") - before.get("sqs:SendMessageBatch")) / (double) count;
        return String.format("%-30s %9s | %5.2f (%-36s) | %5.2f (%-36s) | %5.2f (%.2f/%.2f)", id,
                (count == 1 ? "" : count + " ") + unit, reads, readDetail, writes, writeDetail, send + sendBatch, send, sendBatch);
    }
}

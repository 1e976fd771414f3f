package io.kefu.benchmarks.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.local.stack.DynamoDbMeter;
import io.kefu.local.stack.FaultInjectingProxy;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.RepoRoot;
import io.kefu.local.stack.Specs;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warm per-message cost on AWS, per function: DynamoDB capacity units by DynamoDB's rules, SQS requests, Lambda
 * GB-seconds, and dollars per million messages at on-demand prices given as parameters.
 *
 * <p>Each handler is loaded from its deployment jar ({@link HandlerJar}) and runs against an embedded stack bootstrapped
 * from the template of the same commit. DynamoDB units are <em>measured</em>: every request goes through the stack's
 * {@code DynamoDbRules}, which reads the item before and after every write and re-reads what every Query evaluated, and
 * a {@link DynamoDbMeter} prices them with the template's key schemas and index projections. SQS: the handler's
 * SendMessage calls through a {@link FaultInjectingProxy} (1 request per started 64 KB), plus what Lambda's event
 * source mapping spends per batch (1 ReceiveMessage + 1 DeleteMessageBatch: modelled, it is not our code). Lambda: the
 * median warm batch duration (a second pass with the meter paused, since metering adds reads) x the template's
 * MemorySize, plus one request per batch.
 *
 * <p>{@code --baseline DIR} (made by benchmarks/scripts/baseline-jars.sh) runs the jars and template of an earlier
 * commit first, in the same run, so the two layouts are side by side.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.kefu.benchmarks.coldstart.WarmCostBench [--batches 3] [--baseline DIR]
 *     [--wru 0.625] [--rru 0.125] [--sqs 0.40] [--gbs 0.0000166667] [--invoke 0.20]</pre>
 * Prices: dollars per million write/read request units, per million SQS requests, per GB-second, per million invocations.
 */
public final class WarmCostBench {
    private static final Pattern TOKEN = Pattern.compile("/s/([A-Za-z0-9_-]{16,})");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Prices(double wru, double rru, double sqs, double gbs, double invoke) {}

    /** One measured row: units per message (or per invocation/item) and the cost split. */
    record Row(String layout, String function, String per, int count, Map<String, Double> units, double wru, double rru,
               double sqsRequests, double batchMs, double messagesPerBatch, int memoryMb) {
        double lambdaGbSeconds() {
            return batchMs / 1000.0 * memoryMb / 1024.0 / messagesPerBatch;
        }

        double dynamoCost(Prices p) {
            return wru * p.wru() + rru * p.rru();
        }

        double sqsCost(Prices p) {
            return sqsRequests * p.sqs();
        }

        double lambdaCost(Prices p) {
            return lambdaGbSeconds() * p.gbs() * 1_000_000 + p.invoke() / messagesPerBatch;
        }
    }

    private final Path root;
    private final String layout;
    private final Path jars;
    private final LocalAwsStack stack;
    private final DynamoDbMeter meter;
    private final FaultInjectingProxy sqs;
    private final int batches;
    private final List<Row> rows = new ArrayList<>();

    private WarmCostBench(Path root, String layout, Path jars, LocalAwsStack stack, int batches) {
        this.root = root;
        this.layout = layout;
        this.jars = jars;
        this.stack = stack;
        this.batches = batches;
        this.meter = new DynamoDbMeter(stack.tableShapes()::get);
        stack.dynamoDbRules().meter(meter);
        this.sqs = FaultInjectingProxy.inFrontOf(stack.sqsEndpoint());
    }

    /** The bench's own output; System.out is silenced so the handlers' JSON logs do not bury it. */
    private static final java.io.PrintStream OUT = System.out;

    public static void main(String[] args) throws Exception {
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int batches = Integer.parseInt(opts.getOrDefault("batches", "3"));
        Prices prices = new Prices(d(opts, "wru", 0.625), d(opts, "rru", 0.125), d(opts, "sqs", 0.40),
                d(opts, "gbs", 0.0000166667), d(opts, "invoke", 0.20));
        Path root = RepoRoot.find();
        OUT.printf("warm cost: %d measured batches of 10 per SQS function; load average %.2f; prices %s%n", batches,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), prices);
        List<Row> rows = new ArrayList<>();
        if (opts.containsKey("baseline")) {
            Path dir = Path.of(opts.get("baseline"));
            String commit = Files.exists(dir.resolve("COMMIT")) ? Files.readString(dir.resolve("COMMIT")).trim().substring(0, 7) : dir.toString();
            rows.addAll(measure(root, "before " + commit, dir, dir.resolve("infra-template.yaml"), batches));
        }
        rows.addAll(measure(root, "after", null, root.resolve("infra-template.yaml"), batches));
        print(rows, prices);
        OUT.printf("load average at end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static List<Row> measure(Path root, String layout, Path jars, Path template, int batches) throws Exception {
        OUT.println("== " + layout + " (" + template + ")");
        try (LocalAwsStack stack = LocalAwsStack.builder().template(template).log(line -> {}).startEmbedded()) {
            WarmCostBench bench = new WarmCostBench(root, layout, jars, stack, batches);
            try {
                bench.run();
            } finally {
                bench.sqs.close();
            }
            return bench.rows;
        }
    }

    private void run() throws Exception {
        Clock now = Clock.systemUTC();
        // 4 days on (every survey delay passed) at 11:00 Beijing time, outside quiet hours.
        Instant target = LocalDate.now(ZoneOffset.UTC).plusDays(4).atTime(3, 0).toInstant(ZoneOffset.UTC);
        Clock later = Clock.offset(now, Duration.between(now.instant(), target));
        sqsFunction("ScoreTranscriptFunction", now, null);
        sqsFunction("HandleShipmentEventFunction", now, null);
        scheduleFunction("SweepStalledShipmentsFunction", now, "stalledFound");
        sqsFunction("ScheduleSurveyFunction", now, null);
        stack.sqs().purgeQueue(b -> b.queueUrl(stack.queueUrl("OutboundMessagesQueue")));
        scheduleFunction("DispatchDueSurveysFunction", later, "sent");
        sqsFunction("RecordSurveyResponseFunction", Clock.offset(later, Duration.ofHours(1)), outboundTokens());
    }

    private HandlerJar load(String id, Clock clock) throws ReflectiveOperationException {
        Specs.FunctionSpec spec = stack.template().function(id);
        Path jar = jars == null ? root.resolve(spec.codeUri())
                : jars.resolve(Path.of(spec.codeUri()).getParent().getParent().getFileName() + ".jar");
        Map<String, String> env = new LinkedHashMap<>(stack.functionEnvironment(id));
        env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
        HandlerJar handler = new HandlerJar(jar, spec.handlerClass(), env, clock);
        OUT.println("  " + id + ": priming steps run without error: " + handler.prime());
        return handler;
    }

    private void sqsFunction(String id, Clock clock, List<String> tokens) throws Exception {
        int[] next = {0};
        try (HandlerJar handler = load(id, clock)) {
            handler.sqs(batch(id, tokens, next));   // warm-up: clients, connections, caches
            Map<String, Double> before = meter.snapshot();
            Map<String, Long> sqsBefore = sends();
            int messages = 0;
            int failures = 0;
            for (int b = 0; b < batches; b++) {
                List<String> bodies = batch(id, tokens, next);
                if (bodies.isEmpty()) {
                    break;
                }
                messages += bodies.size();
                failures += handler.sqs(bodies);
            }
            Map<String, Double> units = delta(before, meter.snapshot(), messages);
            double sends = (sent(sends()) - sent(sqsBefore)) / (double) messages;
            meter.pause();
            List<Double> durations = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<String> bodies = batch(id, tokens, next);
                if (bodies.isEmpty()) {
                    break;
                }
                long start = System.nanoTime();
                handler.sqs(bodies);
                durations.add((System.nanoTime() - start) / 1e6 * 10.0 / bodies.size());
            }
            meter.resume();
            double batchMs = median(durations.isEmpty() ? List.of(Double.NaN) : durations);
            // + Lambda's event source mapping: 1 ReceiveMessage and 1 DeleteMessageBatch per batch of 10
            add(id, "message", messages, units, sends + 0.2, batchMs, 10);
            if (failures > 0) {
                OUT.println("  " + id + ": " + failures + " batch item failures");
            }
        }
    }

    private void scheduleFunction(String id, Clock clock, String itemKey) throws Exception {
        try (HandlerJar handler = load(id, clock)) {
            Map<String, Double> before = meter.snapshot();
            Map<String, Long> sqsBefore = sends();
            int invocations = 0;
            int items = 0;
            long nanos = 0;
            while (invocations < 10) {
                long start = System.nanoTime();
                Map<String, Object> result = handler.schedule();
                nanos += System.nanoTime() - start;
                invocations++;
                OUT.println("  " + id + " -> " + result);
                int handled = result.get(itemKey) instanceof Number n ? n.intValue() : 0;
                items += handled;
                if (handled == 0) {
                    break;
                }
            }
            int per = Math.max(items, 1);
            // durations here include the meter's extra reads (an upper bound); a schedule's invocations are few
            add(id, items > 0 ? itemKey : "invocation", items > 0 ? items : invocations, delta(before, meter.snapshot(), per),
                    (sent(sends()) - sent(sqsBefore)) / (double) per, nanos / 1e6 / invocations, per / (double) invocations);
        }
    }

    private void add(String id, String per, int count, Map<String, Double> units, double sqsRequests, double batchMs,
                     double messagesPerBatch) {
        double wru = units.entrySet().stream().filter(e -> e.getKey().startsWith("W ")).mapToDouble(Map.Entry::getValue).sum();
        double rru = units.entrySet().stream().filter(e -> e.getKey().startsWith("R ")).mapToDouble(Map.Entry::getValue).sum();
        rows.add(new Row(layout, id, per, count, units, wru, rru, sqsRequests, batchMs, messagesPerBatch,
                stack.template().function(id).memoryMb()));
    }

    private Map<String, Long> sends() {
        return Map.of("SendMessage", sqs.billedRequests("SendMessage"), "SendMessageBatch", sqs.billedRequests("SendMessageBatch"));
    }

    private static long sent(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Per-unit deltas with the stack's table names turned back into logical ids. */
    private Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after, int per) {
        Map<String, String> names = new LinkedHashMap<>();
        stack.resources().tableNames().forEach((logical, name) -> names.put(name, logical));
        Map<String, Double> out = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            double d = (v - before.getOrDefault(k, 0.0)) / per;
            if (d > 0) {
                String key = k;
                for (var n : names.entrySet()) {
                    key = key.replace(n.getKey(), n.getValue());
                }
                out.put(key, d);
            }
        });
        return out;
    }

    private List<String> batch(String id, List<String> tokens, int[] next) throws Exception {
        // Shipments: one suffix per batch, so the events of one sample order stay one order; else unique per record.
        List<String> bodies = ColdStartBench.batch(root, id, "w" + UUID.randomUUID().toString().substring(0, 6),
                !id.equals("HandleShipmentEventFunction"));
        if (tokens == null) {
            return bodies;
        }
        List<String> out = new ArrayList<>();
        for (String body : bodies) {
            if (next[0] >= tokens.size()) {
                break;
            }
            ObjectNode node = (ObjectNode) JSON.readTree(body);
            node.put("token", tokens.get(next[0]++));
            out.add(JSON.writeValueAsString(node));
        }
        return out;
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

    private static void print(List<Row> rows, Prices p) {
        OUT.println();
        OUT.printf("%-14s %-30s %-16s %7s %7s %7s %9s %9s | %9s %9s %9s %9s%n", "layout", "function", "per", "WRU", "RRU",
                "SQS req", "batch ms", "GB-s", "$DynamoDB", "$SQS", "$Lambda", "$total");
        for (Row r : rows) {
            OUT.printf("%-14s %-30s %-16s %7.2f %7.2f %7.2f %9.1f %9.5f | %9.3f %9.3f %9.3f %9.3f%n", r.layout(), r.function(),
                    r.count() + " " + r.per(), r.wru(), r.rru(), r.sqsRequests(), r.batchMs(), r.lambdaGbSeconds(),
                    r.dynamoCost(p), r.sqsCost(p), r.lambdaCost(p), r.dynamoCost(p) + r.sqsCost(p) + r.lambdaCost(p));
        }
        OUT.println("($ = dollars per million messages (or items); units per message)");
        OUT.println();
        for (Row r : rows) {
            OUT.printf("%-14s %-30s %s%n", r.layout(), r.function(), format(r.units()));
        }
    }

    private static String format(Map<String, Double> units) {
        StringBuilder out = new StringBuilder();
        units.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(String.format("=%.2f", v)));
        return out.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double d(Map<String, String> opts, String name, double fallback) {
        return opts.containsKey(name) ? Double.parseDouble(opts.get(name)) : fallback;
    }
}

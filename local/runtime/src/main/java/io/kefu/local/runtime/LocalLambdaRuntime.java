package io.kefu.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.local.stack.Specs.FunctionSpec;
import io.kefu.local.stack.Specs.ScheduleTrigger;
import io.kefu.local.stack.Specs.SqsTrigger;
import io.kefu.shared.runtime.Environment;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Runs the template's functions in this JVM against a {@link LocalAwsStack}, the way Lambda would: SQS event
 * source mappings (batch size, the SQSEvent shape, partial batch responses, failed messages left for the queue's
 * visibility timeout and redrive) and schedules fired from an injectable {@link ManualClock}.
 *
 * <pre>{@code
 * LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack)
 *         .failedMessageVisibility(Duration.ZERO)   // retry failed messages at once instead of after 180 s
 *         .build();
 * stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl("TranscriptsQueue")).messageBody(json));
 * runtime.drain();                                   // until every triggering queue is empty
 * runtime.advanceClock(Duration.ofDays(3));          // fires due schedules (coalesced, like a missed run)
 * runtime.stats("ScoreTranscriptFunction").invocations();
 * }</pre>
 *
 * <p>Handlers are built lazily, once per function (a warm container): {@code new Handler(Environment)} when that
 * constructor exists, else {@code new Handler()}. The environment is {@link LocalAwsStack#functionEnvironment}
 * with this runtime's clock. {@link #drain()} receives until a batch is full or the queue has nothing visible
 * (it does not wait out MaximumBatchingWindowInSeconds).
 */
public final class LocalLambdaRuntime implements AutoCloseable {
    private final LocalAwsStack stack;
    private final ManualClock clock;
    private final Duration failedMessageVisibility;
    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    private final Map<String, Function<Environment, Object>> factories;
    private final Map<String, Map<String, String>> environmentOverrides;
    private final Map<String, Object> handlers = new ConcurrentHashMap<>();
    private final Map<String, FunctionStats> stats = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextFire = new LinkedHashMap<>();
    private final Map<String, ScheduleExpression> schedules = new LinkedHashMap<>();
    private final Set<String> reportedErrors = ConcurrentHashMap.newKeySet();

    private LocalLambdaRuntime(Builder builder) {
        this.stack = builder.stack;
        this.clock = builder.clock != null ? builder.clock : ManualClock.startingNow();
        this.failedMessageVisibility = builder.failedMessageVisibility;
        this.factories = Map.copyOf(builder.factories);
        this.environmentOverrides = Map.copyOf(builder.environmentOverrides);
        for (FunctionSpec function : stack.template().functions()) {
            if (builder.only.isEmpty() || builder.only.contains(function.logicalId())) {
                functions.put(function.logicalId(), function);
                stats.put(function.logicalId(), new FunctionStats(function.logicalId(), 0, 0, 0, 0, 0));
                for (ScheduleTrigger trigger : function.schedules()) {
                    if (trigger.enabled()) {
                        String key = function.logicalId() + "." + trigger.eventName();
                        ScheduleExpression expression = ScheduleExpression.parse(trigger.expression());
                        schedules.put(key, expression);
                        nextFire.put(key, expression.next(clock.instant()));
                    }
                }
            }
        }
        for (String id : builder.only) {
            if (!functions.containsKey(id)) {
                throw new IllegalArgumentException("no function " + id + " in " + stack.template().file());
            }
        }
        for (String id : factories.keySet()) {
            if (!functions.containsKey(id)) {
                throw new IllegalArgumentException("handler given for " + id + ", which is not a function in "
                        + stack.template().file() + " (or not selected)");
            }
        }
    }

    public static Builder builder(LocalAwsStack stack) {
        return new Builder(stack);
    }

    public ManualClock clock() {
        return clock;
    }

    public LocalAwsStack stack() {
        return stack;
    }

    public List<String> functionIds() {
        return List.copyOf(functions.keySet());
    }

    public FunctionStats stats(String functionLogicalId) {
        FunctionStats s = stats.get(functionLogicalId);
        if (s == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " in this runtime: " + functions.keySet());
        }
        return s;
    }

    public int invocations(String functionLogicalId) {
        return stats(functionLogicalId).invocations();
    }

    /** The environment a function's handler gets: resolved template variables, endpoints and this clock. */
    public Environment environment(String functionLogicalId) {
        requireFunction(functionLogicalId);
        Map<String, String> env = new LinkedHashMap<>(stack.functionEnvironment(functionLogicalId));
        env.putAll(environmentOverrides.getOrDefault(functionLogicalId, Map.of()));
        return Environment.of(env, clock);
    }

    /** The function's handler instance (built on first use). */
    public Object handler(String functionLogicalId) {
        FunctionSpec function = requireFunction(functionLogicalId);
        return handlers.computeIfAbsent(functionLogicalId, id -> {
            Function<Environment, Object> factory = factories.get(id);
            return factory != null ? factory.apply(environment(id))
                    : instantiate(function, environment(id), stack.template().file().toAbsolutePath().getParent());
        });
    }

    // ------------------------------------------------------------------ SQS

    /** {@link #drain(Duration)} with a 60 s bound. */
    public DrainReport drain() {
        return drain(Duration.ofSeconds(60));
    }

    /**
     * Polls every SQS-triggered function until its queue has nothing visible and nothing in flight (delayed
     * messages are not waited for), invoking handlers as Lambda would. Fails if that takes longer than
     * {@code timeout}: typically a failed message waiting out a long visibility timeout (see
     * {@link Builder#failedMessageVisibility}).
     */
    public DrainReport drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int batches = 0;
        int messages = 0;
        while (true) {
            boolean progressed = false;
            for (FunctionSpec function : functions.values()) {
                for (SqsTrigger trigger : function.sqsTriggers()) {
                    if (!trigger.enabled()) {
                        continue;
                    }
                    int processed = pollOnce(function, trigger);
                    if (processed > 0) {
                        progressed = true;
                        batches++;
                        messages += processed;
                    }
                }
            }
            if (progressed) {
                continue;
            }
            Map<String, String> busy = busyQueues();
            if (busy.isEmpty()) {
                return new DrainReport(batches, messages);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("drain did not finish within " + timeout + "; still busy: " + busy
                        + (failedMessageVisibility == null ? " (failed messages wait out the queue's VisibilityTimeout;"
                        + " use failedMessageVisibility(Duration.ZERO) in tests)" : ""));
            }
            sleep(50);
        }
    }

    public record DrainReport(int batches, int messages) {}

    /** One poll of one function's queue: receive up to BatchSize messages and invoke once. @return messages */
    public int pollOnce(String functionLogicalId) {
        FunctionSpec function = requireFunction(functionLogicalId);
        int total = 0;
        for (SqsTrigger trigger : function.sqsTriggers()) {
            total += pollOnce(function, trigger);
        }
        return total;
    }

    private int pollOnce(FunctionSpec function, SqsTrigger trigger) {
        String queueUrl = stack.queueUrl(trigger.queueLogicalId());
        List<Message> batch = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (batch.size() < trigger.batchSize()) {
            int want = Math.min(10, trigger.batchSize() - batch.size());
            List<Message> received = stack.sqs().receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(want)
                    .waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            int before = batch.size();
            for (Message m : received) {
                if (seen.add(m.messageId())) {
                    batch.add(m);
                }
            }
            if (received.isEmpty() || batch.size() == before) {
                break;
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        invokeSqs(function, trigger, queueUrl, batch);
        return batch.size();
    }

    private void invokeSqs(FunctionSpec function, SqsTrigger trigger, String queueUrl, List<Message> batch) {
        SQSEvent event = new SQSEvent();
        String queueArn = stack.queueArn(trigger.queueLogicalId());
        event.setRecords(batch.stream().map(m -> toRecord(m, queueArn)).toList());
        Set<String> failed = new HashSet<>();
        int errors = 0;
        try {
            Object result = invoke(function, event);
            if (trigger.reportBatchItemFailures() && result instanceof SQSBatchResponse response
                    && response.getBatchItemFailures() != null) {
                Set<String> ids = new HashSet<>(batch.stream().map(Message::messageId).toList());
                for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                    String id = failure.getItemIdentifier();
                    if (id == null || id.isBlank() || !ids.contains(id)) {
                        // Lambda treats an unknown or empty identifier as a failure of the whole batch.
                        failed.addAll(ids);
                        break;
                    }
                    failed.add(id);
                }
            }
        } catch (RuntimeException | Error thrown) {
            errors = 1;
            failed.addAll(batch.stream().map(Message::messageId).toList());
            report(function.logicalId(), thrown, "; the whole batch of " + batch.size() + " will be retried");
        }
        List<Message> toDelete = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
        for (int i = 0; i < toDelete.size(); i += 10) {
            List<DeleteMessageBatchRequestEntry> entries = toDelete.subList(i, Math.min(i + 10, toDelete.size())).stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId().replaceAll("[^A-Za-z0-9_-]", "_"))
                            .receiptHandle(m.receiptHandle()).build()).toList();
            stack.sqs().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
        if (failedMessageVisibility != null && !failed.isEmpty()) {
            List<Message> toRelease = batch.stream().filter(m -> failed.contains(m.messageId())).toList();
            for (int i = 0; i < toRelease.size(); i += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> entries = toRelease.subList(i, Math.min(i + 10, toRelease.size()))
                        .stream().map(m -> ChangeMessageVisibilityBatchRequestEntry.builder()
                                .id(m.messageId().replaceAll("[^A-Za-z0-9_-]", "_")).receiptHandle(m.receiptHandle())
                                .visibilityTimeout((int) failedMessageVisibility.toSeconds()).build()).toList();
                stack.sqs().changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
            }
        }
        record(function.logicalId(), errors, batch.size(), toDelete.size(), failed.size());
    }

    private SQSEvent.SQSMessage toRecord(Message m, String queueArn) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(m.messageId());
        record.setReceiptHandle(m.receiptHandle());
        record.setBody(m.body());
        record.setMd5OfBody(m.md5OfBody());
        record.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
        record.setAttributes(new LinkedHashMap<>(m.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        m.messageAttributes().forEach((name, value) -> attributes.put(name, toAttribute(value)));
        record.setMessageAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(stack.region());
        return record;
    }

    private static SQSEvent.MessageAttribute toAttribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(value.binaryValue().asByteBuffer());
        }
        attribute.setStringListValues(value.hasStringListValues() ? value.stringListValues() : List.of());
        attribute.setBinaryListValues(List.of());
        return attribute;
    }

    // ------------------------------------------------------------------ schedules

    /** Moves the clock forward and fires the schedules that came due (each at most once: missed runs coalesce). */
    public List<String> advanceClock(Duration by) {
        clock.advance(by);
        return fireSchedules();
    }

    /**
     * Fires every schedule whose next time is at or before the clock's now, once, with the latest due time as the
     * event's time; the next time is then computed after now. @return "Function.Event" keys that fired
     */
    public List<String> fireSchedules() {
        Instant now = clock.instant();
        List<String> fired = new ArrayList<>();
        for (Map.Entry<String, Instant> entry : nextFire.entrySet()) {
            if (entry.getValue().isAfter(now)) {
                continue;
            }
            ScheduleExpression expression = schedules.get(entry.getKey());
            Instant due = entry.getValue();
            for (Instant next = expression.next(due); !next.isAfter(now); next = expression.next(next)) {
                due = next;
            }
            entry.setValue(expression.next(due));
            String functionId = entry.getKey().substring(0, entry.getKey().indexOf('.'));
            invokeScheduled(functions.get(functionId), entry.getKey().substring(functionId.length() + 1), due);
            fired.add(entry.getKey());
        }
        return fired;
    }

    /** When each schedule ("Function.Event") fires next. */
    public Map<String, Instant> nextScheduledTimes() {
        return Map.copyOf(nextFire);
    }

    private void invokeScheduled(FunctionSpec function, String eventName, Instant time) {
        ScheduledEvent event = new ScheduledEvent();
        event.setId(UUID.randomUUID().toString());
        event.setVersion("0");
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount(LocalAwsStack.LOCAL_ACCOUNT);
        event.setRegion(stack.region());
        event.setTime(new org.joda.time.DateTime(time.toEpochMilli(), org.joda.time.DateTimeZone.UTC));
        event.setResources(List.of("arn:aws:events:" + stack.region() + ":" + LocalAwsStack.LOCAL_ACCOUNT + ":rule/"
                + function.functionName() + "-" + eventName));
        event.setDetail(Map.of());
        int errors = 0;
        try {
            invoke(function, event);
        } catch (RuntimeException | Error thrown) {
            errors = 1;
            report(function.logicalId() + " (schedule " + eventName + ")", thrown, "");
        }
        record(function.logicalId(), errors, 0, 0, 0);
    }

    // ------------------------------------------------------------------ invocation

    /** Invokes a function directly with any event (what {@code sam local invoke} does); exceptions propagate. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object invoke(String functionLogicalId, Object event) {
        FunctionSpec function = requireFunction(functionLogicalId);
        try {
            Object result = invoke(function, event);
            record(functionLogicalId, 0, 0, 0, 0);
            return result;
        } catch (RuntimeException | Error e) {
            record(functionLogicalId, 1, 0, 0, 0);
            throw e;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object invoke(FunctionSpec function, Object event) {
        Object handler = handler(function.logicalId());
        if (!(handler instanceof RequestHandler requestHandler)) {
            throw new IllegalStateException(function.handlerClass() + " does not implement RequestHandler");
        }
        LocalContext context = new LocalContext(UUID.randomUUID().toString(), function.functionName(),
                "arn:aws:lambda:" + stack.region() + ":" + LocalAwsStack.LOCAL_ACCOUNT + ":function:" + function.functionName(),
                function.memoryMb(), function.timeoutSeconds());
        return requestHandler.handleRequest(event, context);
    }

    /** One stderr line per distinct failure (repeats are counted in {@link #stats}, not printed). */
    private void report(String where, Throwable thrown, String consequence) {
        if (reportedErrors.add(where + thrown)) {
            System.err.println("[kefu-runtime] " + where + " threw " + thrown + consequence + " (repeats not shown)");
        }
    }

    private void record(String functionId, int errors, int received, int deleted, int failed) {
        stats.compute(functionId, (id, s) -> s.plus(1, errors, received, deleted, failed));
    }

    private Map<String, String> busyQueues() {
        Map<String, String> busy = new LinkedHashMap<>();
        for (FunctionSpec function : functions.values()) {
            for (SqsTrigger trigger : function.sqsTriggers()) {
                if (!trigger.enabled()) {
                    continue;
                }
                Map<QueueAttributeName, String> attributes = stack.sqs().getQueueAttributes(b -> b
                        .queueUrl(stack.queueUrl(trigger.queueLogicalId()))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                int visible = Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
                int inFlight = Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
                if (visible + inFlight > 0) {
                    busy.put(trigger.queueLogicalId(), visible + " visible, " + inFlight + " in flight");
                }
            }
        }
        return busy;
    }

    private FunctionSpec requireFunction(String functionLogicalId) {
        FunctionSpec function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " in this runtime: " + functions.keySet());
        }
        return function;
    }

    /**
     * Loads the handler class from the classpath (tests) or else from the function's CodeUri jar (the CLI, whose
     * jar holds no function code), parent-first so shared classes such as {@link Environment} are the runtime's.
     */
    static Object instantiate(FunctionSpec function, Environment env, java.nio.file.Path templateDir) {
        String className = function.handlerClass();
        Class<?> type;
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        try {
            type = Class.forName(className, true, parent);
        } catch (ClassNotFoundException notOnClasspath) {
            java.nio.file.Path jar = function.codeUri() == null ? null : templateDir.resolve(function.codeUri());
            if (jar == null || !java.nio.file.Files.isRegularFile(jar)) {
                throw new IllegalStateException(function.logicalId() + ": handler class " + className
                        + " is not on the classpath and its CodeUri " + jar + " does not exist (build with"
                        + " ./mvnw -q -DskipTests package)", notOnClasspath);
            }
            try {
                @SuppressWarnings("resource") // lives as long as the handler
                java.net.URLClassLoader loader = new java.net.URLClassLoader(function.logicalId(),
                        new java.net.URL[] {jar.toUri().toURL()}, parent);
                type = Class.forName(className, true, loader);
            } catch (ClassNotFoundException | java.net.MalformedURLException e) {
                throw new IllegalStateException(function.logicalId() + ": " + className + " is not in " + jar, e);
            }
        }
        try {
            try {
                Constructor<?> withEnv = type.getConstructor(Environment.class);
                return withEnv.newInstance(env);
            } catch (NoSuchMethodException noEnvConstructor) {
                return type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(function.logicalId() + ": " + className + " constructor failed: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(function.logicalId() + ": cannot construct " + className
                    + " (needs a public (Environment) or no-arg constructor)", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        handlers.values().forEach(h -> {
            if (h instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        });
    }

    /** Options for {@link LocalLambdaRuntime}. */
    public static final class Builder {
        private final LocalAwsStack stack;
        private ManualClock clock;
        private Duration failedMessageVisibility;
        private final Set<String> only = new java.util.LinkedHashSet<>();
        private final Map<String, Function<Environment, Object>> factories = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> environmentOverrides = new LinkedHashMap<>();

        private Builder(LocalAwsStack stack) {
            this.stack = stack;
        }

        /**
         * Sets one environment variable of a function over the template's value: for what only exists locally
         * (the console's sign-in URL is the local sign-in page instead of Cognito's hosted UI).
         */
        public Builder environment(String functionLogicalId, String name, String value) {
            environmentOverrides.computeIfAbsent(functionLogicalId, id -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Builder clock(ManualClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * After a failed invocation, make the failed messages visible again after this long (ChangeMessageVisibility)
         * instead of after the queue's VisibilityTimeout (180 s in the template). {@code Duration.ZERO} retries at
         * once; the queue's redrive still moves a message to the DLQ after maxReceiveCount receives.
         */
        public Builder failedMessageVisibility(Duration visibility) {
            this.failedMessageVisibility = visibility;
            return this;
        }

        /** Run only these functions (logical ids); by default all functions in the template. */
        public Builder functions(String... functionLogicalIds) {
            only.addAll(List.of(functionLogicalIds));
            return this;
        }

        /** Use this handler instance for a function instead of building its template Handler class. */
        public Builder handler(String functionLogicalId, Object handler) {
            return handlerFactory(functionLogicalId, env -> handler);
        }

        /** Build a function's handler with this factory (given the function's Environment). */
        public Builder handlerFactory(String functionLogicalId, Function<Environment, Object> factory) {
            factories.put(functionLogicalId, factory);
            return this;
        }

        public LocalLambdaRuntime build() {
            return new LocalLambdaRuntime(this);
        }
    }

    /** For callers that want the clock as a plain {@link Clock}. */
    public Clock javaClock() {
        return clock;
    }
}

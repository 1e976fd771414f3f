package io.kefu.benchmarks.coldstart;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A handler loaded from its deployment jar ({@code function.jar}, shaded) in a class loader of its own, the way
 * Lambda loads it, so the same benchmark can run the jars of this checkout and of an earlier commit side by side.
 * Everything crosses the boundary as JDK types; the handler's own classes (SQSEvent, Environment) are reached by
 * reflection, and {@code Environment.of(Map, Clock)} builds its environment, as the local runtime does.
 */
final class HandlerJar implements AutoCloseable {
    private final URLClassLoader loader;
    private final Object handler;
    private final Method handle;

    HandlerJar(Path jar, String handlerClass, Map<String, String> env, Clock clock) throws ReflectiveOperationException {
        try {
            this.loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        Class<?> environment = loader.loadClass("io.kefu.shared.runtime.Environment");
        Object environmentValue = environment.getMethod("of", Map.class, Clock.class).invoke(null, env, clock);
        Class<?> type = loader.loadClass(handlerClass);
        this.handler = type.getConstructor(environment).newInstance(environmentValue);
        this.handle = type.getMethod("handleRequest", Object.class, loader.loadClass("com.amazonaws.services.lambda.runtime.Context"));
    }

    /** One SQS batch; returns the number of batch item failures. */
    int sqs(List<String> bodies) throws ReflectiveOperationException {
        Class<?> eventType = loader.loadClass("com.amazonaws.services.lambda.runtime.events.SQSEvent");
        Class<?> messageType = loader.loadClass("com.amazonaws.services.lambda.runtime.events.SQSEvent$SQSMessage");
        List<Object> records = new ArrayList<>();
        for (String body : bodies) {
            Object record = messageType.getConstructor().newInstance();
            messageType.getMethod("setMessageId", String.class).invoke(record, UUID.randomUUID().toString());
            messageType.getMethod("setBody", String.class).invoke(record, body);
            messageType.getMethod("setAttributes", Map.class).invoke(record, Map.of("ApproximateReceiveCount", "1",
                    "SentTimestamp", Long.toString(System.currentTimeMillis())));
            messageType.getMethod("setEventSource", String.class).invoke(record, "aws:sqs");
            messageType.getMethod("setEventSourceArn", String.class).invoke(record, "arn:aws:sqs:us-east-1:000000000000:warm");
            records.add(record);
        }
        Object event = eventType.getConstructor().newInstance();
        eventType.getMethod("setRecords", List.class).invoke(event, records);
        Object response = handle.invoke(handler, event, null);
        return ((List<?>) response.getClass().getMethod("getBatchItemFailures").invoke(response)).size();
    }

    /** One scheduled invocation; returns the handler's result map. */
    Map<String, Object> schedule() throws ReflectiveOperationException {
        Object event = loader.loadClass("com.amazonaws.services.lambda.runtime.events.ScheduledEvent").getConstructor().newInstance();
        Map<?, ?> result = (Map<?, ?>) handle.invoke(handler, event, null);
        Map<String, Object> out = new LinkedHashMap<>();
        result.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Runs the handler's SnapStart priming steps once (what beforeCheckpoint would). */
    String prime() {
        try {
            Field field = handler.getClass().getDeclaredField("priming");
            field.setAccessible(true);
            Object priming = field.get(handler);
            return String.valueOf(priming.getClass().getMethod("prime").invoke(priming));
        } catch (ReflectiveOperationException e) {
            return "no priming (" + e + ")";
        }
    }

    @Override
    public void close() throws java.io.IOException {
        loader.close();
    }
}

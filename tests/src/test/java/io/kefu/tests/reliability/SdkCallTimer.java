package io.kefu.tests.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS SDK call in the test JVM (the functions' and the local runtime's), per service and operation,
 * so the load test can say where the time goes. Registered for all clients through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath; it only counts
 * while {@link #enabled} is set.
 */
public final class SdkCallTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("kefu.reliability.start");
    private static final Map<String, LongAdder[]> TOTALS = new ConcurrentHashMap<>();
    static volatile boolean enabled;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (enabled) {
            attributes.putAttribute(START, System.nanoTime());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    private static void record(ExecutionAttributes attributes) {
        Long start = attributes.getAttribute(START);
        if (start == null) {
            return;
        }
        String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        LongAdder[] totals = TOTALS.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        totals[0].add(System.nanoTime() - start);
        totals[1].increment();
    }

    static void reset() {
        TOTALS.clear();
    }

    /** "Service.Operation" -> {nanos, calls}. */
    static Map<String, long[]> snapshot() {
        Map<String, long[]> out = new TreeMap<>();
        TOTALS.forEach((k, v) -> out.put(k, new long[] {v[0].sum(), v[1].sum()}));
        return out;
    }
}

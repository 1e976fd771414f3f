package io.kefu.benchmarks.coldstart.driver;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@code ColdStartBench}: what the Lambda Java runtime does on a cold start, minus the
 * runtime API. Runs on {@code functions/X/target/function.jar} + this package only (it is copied out of the
 * benchmarks jar into a directory of its own), with the function's environment as the process environment,
 * so the handler is built exactly as on Lambda ({@code new X()} -> {@code Environment.fromSystem()}).
 *
 * <pre>args: handlerClass sqs|schedule bodiesFile eventSourceArn</pre>
 * bodiesFile: one message body per line (the SQS batch). Prints one line
 * {@code COLDSTART mainUs=.. constructedUs=.. doneUs=.. failures=n} with epoch microseconds, which the
 * parent compares with the instant it launched the process.
 */
public final class ColdStartDriver {
    private ColdStartDriver() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long mainUs = epochMicros();
        String handlerClass = args[0];
        String mode = args[1];
        List<String> bodies = args.length > 2 ? Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8) : List.of();
        String arn = args.length > 3 ? args[3] : "arn:aws:sqs:us-east-1:000000000000:queue";

        RequestHandler handler = (RequestHandler) Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        long constructedUs = epochMicros();

        Object event;
        if (mode.equals("sqs")) {
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            int i = 0;
            for (String body : bodies) {
                if (body.isBlank()) {
                    continue;
                }
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId("coldstart-" + System.nanoTime() + "-" + i++);
                record.setReceiptHandle("rh-" + i);
                record.setBody(body);
                record.setAttributes(Map.of("ApproximateReceiveCount", "1",
                        "SentTimestamp", Long.toString(System.currentTimeMillis())));
                record.setEventSource("aws:sqs");
                record.setEventSourceArn(arn);
                records.add(record);
            }
            SQSEvent sqs = new SQSEvent();
            sqs.setRecords(records);
            event = sqs;
        } else {
            ScheduledEvent scheduled = new ScheduledEvent();
            scheduled.setId("coldstart");
            scheduled.setSource("aws.events");
            scheduled.setDetailType("Scheduled Event");
            event = scheduled;
        }
        Object result = handler.handleRequest(event, new DriverContext());
        long doneUs = epochMicros();
        int failures = result instanceof SQSBatchResponse response ? response.getBatchItemFailures().size() : 0;
        System.out.println("COLDSTART mainUs=" + mainUs + " constructedUs=" + constructedUs + " doneUs=" + doneUs
                + " failures=" + failures + " result=" + (result instanceof Map<?, ?> map ? map : "batch"));
        System.out.flush();
        // Lambda freezes the process here; exit without waiting for client threads.
        Runtime.getRuntime().halt(0);
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static final class DriverContext implements Context {
        @Override public String getAwsRequestId() { return "coldstart"; }
        @Override public String getLogGroupName() { return "coldstart"; }
        @Override public String getLogStreamName() { return "coldstart"; }
        @Override public String getFunctionName() { return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "f"); }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:f"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.println(message); }
                @Override public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}

package io.kefu.local.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy on 127.0.0.1 in front of one emulator endpoint (DynamoDB or SQS, both JSON
 * protocols) that injects the faults a reliability test needs: throttling, an outage, or a
 * non-retryable failure of the Nth call to one operation (a "crash" between two side effects).
 *
 * <p>Functions reach AWS only through the endpoint in their environment, so pointing that variable
 * at this proxy injects faults into the real handler code with no test hooks in production code.
 * Operations are named as in the {@code X-Amz-Target} header: {@code PutItem}, {@code SendMessage}.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    /** What the proxy answers instead of forwarding. */
    public enum Fault {
        /** 400 ThrottlingException / ProvisionedThroughputExceeded: the SDK retries with back-off. */
        THROTTLE,
        /** 503: the service is down; the SDK retries, then the call fails. */
        UNAVAILABLE,
        /** 400 with a non-retryable error: the call fails at once, as if the process died there. */
        CRASH
    }

    private record Rule(String operation, Fault fault, AtomicInteger skip, AtomicInteger remaining) {}

    /** What the emulator (or a rule standing in for it) answered. */
    record Answer(int status, Map<String, List<String>> headers, byte[] payload) {}

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> billedChunks = new ConcurrentHashMap<>();
    private final AtomicLong injected = new AtomicLong();
    private volatile Fault allCalls;
    private volatile DynamoDbRules dynamoDbRules;

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: ~40 ms
        // per call. Read once, when the JDK's server configuration loads, so it is set before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FaultInjectingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fault-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static FaultInjectingProxy inFrontOf(URI target) {
        try {
            return new FaultInjectingProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a proxy port on 127.0.0.1", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Fail the next {@code times} calls of {@code operation}, after letting {@code skip} of them through. */
    public FaultInjectingProxy fail(String operation, Fault fault, int skip, int times) {
        rules.add(new Rule(operation, fault, new AtomicInteger(skip), new AtomicInteger(times)));
        return this;
    }

    /** Every call fails with {@code fault} until {@link #heal()}. */
    public FaultInjectingProxy failAll(Fault fault) {
        this.allCalls = fault;
        return this;
    }

    public FaultInjectingProxy heal() {
        allCalls = null;
        rules.clear();
        return this;
    }

    /** Applies DynamoDB's rules that the emulator behind lacks (the 400 KB UTF-8 item limit; the cost meter). */
    public FaultInjectingProxy enforcing(DynamoDbRules rules) {
        this.dynamoDbRules = rules;
        return this;
    }

    public DynamoDbRules dynamoDbRules() {
        return dynamoDbRules;
    }

    public int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Calls of an operation counted as SQS bills them: one per started 64 KB of request payload. */
    public long billedRequests(String operation) {
        AtomicLong count = billedChunks.get(operation);
        return count == null ? 0 : count.get();
    }

    public long injectedFaults() {
        return injected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String targetHeader = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = targetHeader == null ? "" : targetHeader.substring(targetHeader.indexOf('.') + 1);
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            billedChunks.computeIfAbsent(operation, k -> new AtomicLong()).addAndGet(Math.max(1, (body.length + 65_535) / 65_536));
            Fault fault = faultFor(operation);
            if (fault != null) {
                injected.incrementAndGet();
                answerFault(exchange, fault, targetHeader);
                return;
            }
            DynamoDbRules rules = dynamoDbRules;
            Answer answer = rules != null ? rules.exchange(operation, body, b -> forward(exchange, b)) : forward(exchange, body);
            send(exchange, answer);
        }
    }

    private Fault faultFor(String operation) {
        Fault global = allCalls;
        if (global != null) {
            return global;
        }
        for (Rule rule : rules) {
            if (!rule.operation().equals(operation) || rule.remaining().get() <= 0) {
                continue;
            }
            if (rule.skip().getAndDecrement() > 0) {
                continue;
            }
            if (rule.remaining().getAndDecrement() > 0) {
                return rule.fault();
            }
        }
        return null;
    }

    private Answer forward(HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] payload = answer.payload();
        exchange.sendResponseHeaders(answer.status(), payload.length == 0 ? -1 : payload.length);
        if (payload.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(payload);
            }
        }
    }

    private static void answerFault(HttpExchange exchange, Fault fault, String targetHeader) throws IOException {
        boolean dynamo = targetHeader != null && targetHeader.startsWith("DynamoDB");
        String namespace = dynamo ? "com.amazonaws.dynamodb.v20120810#" : "com.amazonaws.sqs#";
        int status;
        String type;
        switch (fault) {
            case THROTTLE -> {
                status = 400;
                type = dynamo ? "ProvisionedThroughputExceededException" : "ThrottlingException";
            }
            case UNAVAILABLE -> {
                status = 503;
                type = "ServiceUnavailable";
            }
            default -> {
                status = 400;
                // Non-retryable for both SDK clients: the caller sees the failure immediately.
                type = dynamo ? "ResourceNotFoundException" : "QueueDoesNotExist";
            }
        }
        byte[] payload = ("{\"__type\":\"" + namespace + type + "\",\"message\":\"injected by FaultInjectingProxy\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", dynamo ? "application/x-amz-json-1.0" : "application/x-amz-json-1.0");
        if (!dynamo) {
            exchange.getResponseHeaders().set("x-amzn-query-error", type + ";Sender");
        }
        exchange.sendResponseHeaders(status, payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        DynamoDbRules rules = dynamoDbRules;
        if (rules != null) {
            rules.close();
        }
    }
}

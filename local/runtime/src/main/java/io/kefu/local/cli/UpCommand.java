package io.kefu.local.cli;

import io.kefu.cli.Connection;
import io.kefu.local.console.LocalConsoleServer;
import io.kefu.local.console.LocalUsers;
import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the embedded stack, bootstrap it and keep it running (Ctrl-C stops it); endpoints go to"
                + " .kefu/local.json for the other commands. Queues, messages and tables are kept under"
                + " .kefu/stack/ and survive a restart or a crash; --fresh starts empty.")
final class UpCommand implements Callable<Integer> {
    @Option(names = "--stage", description = "The template's Stage parameter (default: dev).")
    String stage;

    @Option(names = "--sqs-port", defaultValue = "9324", description = "ElasticMQ's port (default ${DEFAULT-VALUE}).")
    int sqsPort;

    @Option(names = "--dynamodb-port", defaultValue = "4567", description = "dynalite's port (default ${DEFAULT-VALUE}).")
    int dynamoDbPort;

    @Option(names = "--fresh", description = "Delete the kept state (.kefu/stack/) first and start empty.")
    boolean fresh;

    @Option(names = "--data-dir", description = "Where the state is kept (default: .kefu/stack under the checkout).")
    Path dataDir;

    @Option(names = "--run-functions", description = "Also run the functions: poll their queues and fire schedules on"
            + " wall-clock time.")
    boolean runFunctions;

    @Option(names = "--console-port", defaultValue = "8790", description = "Port of the QA console on 127.0.0.1"
            + " (default ${DEFAULT-VALUE}; 0 = any free port).")
    int consolePort;

    @Override
    public Integer call() throws Exception {
        Path data = dataDir != null ? dataDir : Connection.stateFile().resolveSibling("stack");
        if (fresh) {
            deleteTree(data);
        }
        LocalAwsStack.Builder builder = LocalAwsStack.builder().log(m -> System.err.println("[kefu] " + m))
                .persistent(data, sqsPort, dynamoDbPort);
        if (stage != null) {
            builder.stage(stage);
        }
        LocalAwsStack stack = builder.startEmbedded();
        Path state = Connection.stateFile();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(state);
            } catch (Exception ignored) {
                // best effort
            }
            stack.close();
            stopped.countDown();
        }, "kefu-up-shutdown"));
        Files.createDirectories(state.getParent());
        Files.writeString(state, json(stack));
        System.out.printf("SQS      %s%nDynamoDB %s%nregion   %s, stage %s%n", stack.sqsEndpoint(), stack.dynamoDbEndpoint(),
                stack.region(), stack.stage());
        stack.resources().queueUrls().forEach((id, url) -> System.out.printf("  queue %-24s %s%n", id, url));
        stack.resources().tableNames().forEach((id, name) -> System.out.printf("  table %-24s %s%n", id, name));
        // The QA console: API Gateway and its JWT authorizer played locally in front of QaConsoleFunction.
        com.sun.net.httpserver.HttpServer bound;
        try {
            bound = LocalConsoleServer.bind(consolePort);
        } catch (java.net.BindException inUse) {
            throw new IllegalStateException("port " + consolePort + " for the QA console is in use: pass --console-port N"
                    + " (0 = any free port)", inUse);
        }
        int port = bound.getAddress().getPort();
        LocalLambdaRuntime.Builder runtimeBuilder = runFunctions
                ? LocalLambdaRuntime.builder(stack).environment(LocalConsoleServer.FUNCTION, "SIGN_IN_URL", LocalConsoleServer.signInUrl(port))
                : LocalConsoleServer.runtimeFor(stack, port);
        LocalLambdaRuntime runtime = runtimeBuilder.build();
        LocalConsoleServer console = LocalConsoleServer.start(bound, runtime, runtime.clock(), LocalUsers.seeded(),
                () -> runtime.clock().set(Instant.now()));
        Runtime.getRuntime().addShutdownHook(new Thread(console::close, "kefu-console-shutdown"));
        System.out.println("QA console " + console.url() + "  (sign in as a seeded lead, agent or manager: docs/qa-console.md)");
        System.out.println("state kept in " + data + " (--fresh to start empty); written to " + state + "; Ctrl-C to stop");
        if (runFunctions) {
            try (runtime) {
                while (stopped.getCount() > 0) {
                    runtime.clock().set(Instant.now());
                    runtime.fireSchedules();
                    int processed = 0;
                    for (String id : runtime.functionIds()) {
                        processed += runtime.pollOnce(id);
                    }
                    if (processed == 0) {
                        Thread.sleep(Duration.ofMillis(500).toMillis());
                    }
                }
            }
        }
        stopped.await();
        return 0;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String json(LocalAwsStack stack) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"sqsEndpoint\": \"").append(stack.sqsEndpoint()).append("\",\n");
        out.append("  \"dynamoDbEndpoint\": \"").append(stack.dynamoDbEndpoint()).append("\",\n");
        out.append("  \"region\": \"").append(stack.region()).append("\",\n");
        out.append("  \"stage\": \"").append(stack.stage()).append("\",\n");
        out.append("  \"queues\": {").append(entries(stack.resources().queueUrls())).append("},\n");
        out.append("  \"tables\": {").append(entries(stack.resources().tableNames())).append("}\n}\n");
        return out.toString();
    }

    private static String entries(Map<String, String> map) {
        return String.join(", ", map.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"").toList());
    }
}

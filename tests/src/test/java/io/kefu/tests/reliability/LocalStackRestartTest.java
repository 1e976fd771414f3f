package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@code kefu up --run-functions} as its own process on test-chosen ports, with its state in a temporary
 * directory: a burst of chats, {@code kill -9} in the middle of it, a restart, the rest of the burst; every chat
 * must end up scored exactly once and asked for exactly one survey, counted in DynamoDB, and nothing may be
 * parked. A stale state file then gives a one-line error, not a stack trace.
 */
class LocalStackRestartTest {
    private static final int CHATS = 40;

    @TempDir
    Path dir;

    @Test
    void killNineMidBurstThenRestartProcessesEveryMessageExactlyOnce() throws Exception {
        int sqsPort = freePort();
        int dynamoPort = freePort();
        Path state = dir.resolve("local.json");
        GoodMessages good = new GoodMessages("kill9");
        List<String> chats = good.transcripts(CHATS);

        Process first = up(sqsPort, dynamoPort, state, "first");
        try (SqsClient sqs = sqs(sqsPort); DynamoDbClient dynamo = dynamo(dynamoPort)) {
            String queue = sqs.getQueueUrl(b -> b.queueName("kefu-dev-transcripts")).queueUrl();
            send(sqs, queue, chats.subList(0, CHATS / 2));
            // Kill while the functions are in the middle of it: some chats scored, others in flight or waiting.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (scores(dynamo) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            int scoredBeforeKill = scores(dynamo);
            int waitingOrInFlight = backlog(sqs, queue);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no flush

            Process second = up(sqsPort, dynamoPort, state, "second");
            try (SqsClient sqs2 = sqs(sqsPort); DynamoDbClient dynamo2 = dynamo(dynamoPort)) {
                send(sqs2, queue, chats.subList(CHATS / 2, CHATS));
                String requests = sqs2.getQueueUrl(b -> b.queueName("kefu-dev-survey-requests")).queueUrl();
                long end = System.nanoTime() + Duration.ofSeconds(240).toNanos();
                while ((scores(dynamo2) < CHATS || surveys(dynamo2) < CHATS
                        || backlog(sqs2, queue) + backlog(sqs2, requests) > 0) && System.nanoTime() < end) {
                    Thread.sleep(250);
                }
                int scored = scores(dynamo2);
                int surveys = surveys(dynamo2);
                int parked = backlog(sqs2, sqs2.getQueueUrl(b -> b.queueName("kefu-dev-transcripts-dlq")).queueUrl());
                assertThat(scored).as("score items, one per chat").isEqualTo(CHATS);
                assertThat(surveys).as("post-chat surveys, one per chat").isEqualTo(CHATS);
                assertThat(parked).as("chats parked in the DLQ").isZero();
                assertThat(backlog(sqs2, queue)).isZero();
                String released = Files.readAllLines(dir.resolve("second.log")).stream()
                        .filter(l -> l.contains("left in flight by the previous run")).findFirst().orElse("none released");
                System.out.printf("RELIABILITY restart chats=%d scoredAtKill=%d queuedOrInFlightAtKill=%d scored=%d surveys=%d"
                        + " parked=%d lost=%d | %s%n", CHATS, scoredBeforeKill, waitingOrInFlight, scored, surveys, parked,
                        CHATS - scored, released.replace("[kefu] ", ""));
            } finally {
                second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            first.destroyForcibly();
        }

        // Their dynalites exit when the killed JVM's end of their stdin closes; none may outlive the test.
        String dataPath = dir.resolve("data").toAbsolutePath().toString();
        long gone = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (dynalitesOn(dataPath) > 0 && System.nanoTime() < gone) {
            Thread.sleep(100);
        }
        assertThat(dynalitesOn(dataPath)).as("dynalite processes left on " + dataPath).isZero();

        // Both runs were killed: the state file still names the stack, which is gone.
        assertThat(state).exists();
        Process list = cli(state, false, "qa", "list");
        String err = new String(list.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        list.waitFor(60, TimeUnit.SECONDS);
        assertThat(list.exitValue()).isEqualTo(2);
        assertThat(err).startsWith("error: the local stack recorded in").contains("is not running").doesNotContain("\n\tat ");
        assertThat(err.lines().filter(l -> !l.startsWith("[kefu")).count()).as(err).isEqualTo(1);
    }

    private Process up(int sqsPort, int dynamoPort, Path state, String name) throws Exception {
        Process p = cli(state, true, "up", "--run-functions", "--sqs-port", Integer.toString(sqsPort),
                "--dynamodb-port", Integer.toString(dynamoPort), "--data-dir", dir.resolve("data").toString());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Path log = dir.resolve(name + ".log");
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    if (line.startsWith("state kept in")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // process gone
            }
            ready.completeExceptionally(new IllegalStateException("kefu up exited; see " + log));
        }, "kefu-up-" + name);
        reader.setDaemon(true);
        reader.start();
        ready.get(120, TimeUnit.SECONDS);
        return p;
    }

    private static Process cli(Path state, boolean mergeErrors, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.kefu.local.cli.KefuCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KEFU_STATE_FILE", state.toString());
        builder.environment().remove("AWS_ENDPOINT_URL");
        builder.redirectErrorStream(mergeErrors);
        return builder.start();
    }

    private static long dynalitesOn(String dataPath) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("kefu-dynalite.js") && c.contains(dataPath))
                        .orElse(false))
                .count();
    }

    private static void send(SqsClient sqs, String queue, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(bodies.size(), i + 10); j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(bodies.get(j)).build());
            }
            assertThat(sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries)).failed()).isEmpty();
        }
    }

    private static int backlog(SqsClient sqs, String queue) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static int scores(DynamoDbClient dynamo) {
        return count(dynamo, "kefu-dev-qa-scores", "begins_with(sk, :p)", ":p", "SCORE#");
    }

    private static int surveys(DynamoDbClient dynamo) {
        return count(dynamo, "kefu-dev-surveys", "sk = :p", ":p", "SURVEY");
    }

    private static int count(DynamoDbClient dynamo, String table, String filter, String name, String value) {
        int total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.scan(b -> b.tableName(table).filterExpression(filter)
                    .expressionAttributeValues(Map.of(name, AttributeValue.fromS(value))).exclusiveStartKey(from));
            total += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return total;
    }

    private static SqsClient sqs(int port) {
        return SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static DynamoDbClient dynamo(int port) {
        return DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

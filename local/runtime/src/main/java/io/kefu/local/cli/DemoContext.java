package io.kefu.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.Specs.QueueSpec;
import io.kefu.shared.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What a {@link DemoSection} gets: the stack, the runtime (with its clock), the sample events, the output, and
 * {@link #take the outside consumers' inbox}: what the messaging gateway, the supervisors and the approving agents
 * (all outside this project) have read from the outbound, follow-up and care-approval queues so far.
 */
public record DemoContext(LocalAwsStack stack, LocalLambdaRuntime runtime, Path eventsDir, PrintStream out,
                          Map<String, List<Message>> takenByOutside) {

    public static final ZoneId SHANGHAI = io.kefu.shared.domain.customer.CustomerPreferences.DEFAULT_ZONE;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);

    public DemoContext(LocalAwsStack stack, LocalLambdaRuntime runtime, Path eventsDir, PrintStream out) {
        this(stack, runtime, eventsDir, out, new LinkedHashMap<>());
    }

    /** Sample events of a capability: {@code events/<folder>/*.json} (transcripts, shipments, surveys), by name. */
    public List<Path> sampleEvents(String folder) throws IOException {
        Path dir = eventsDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** {@code events/<folder>/<name>}. */
    public Path sample(String folder, String name) {
        Path file = eventsDir.resolve(folder).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing sample event " + file);
        }
        return file;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a file's content to a queue of the template; returns the message id. */
    public String send(String queueLogicalId, Path file) throws IOException {
        return sendBody(queueLogicalId, Files.readString(file));
    }

    public String sendBody(String queueLogicalId, String body) {
        return stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl(queueLogicalId)).messageBody(body)).messageId();
    }

    /** Visible + in-flight + delayed messages in a queue. */
    public int depth(String queueLogicalId) {
        Map<QueueAttributeName, String> a = stack.sqs().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queueLogicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"))
                + Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0"));
    }

    /**
     * Plays the outside consumer of a queue that no function of ours reads (OutboundMessagesQueue: the messaging
     * gateway; FollowUpsQueue: supervisors; CareApprovalsQueue: agents): receives and deletes everything visible,
     * remembers it in {@link #takenByOutside()}, and returns what was new.
     */
    public List<Message> take(String queueLogicalId) {
        String url = stack.queueUrl(queueLogicalId);
        List<Message> taken = new ArrayList<>();
        while (true) {
            List<Message> batch = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .visibilityTimeout(30).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                break;
            }
            taken.addAll(batch);
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id("m" + i).receiptHandle(batch.get(i).receiptHandle()).build());
            }
            stack.sqs().deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
        }
        takenByOutside.computeIfAbsent(queueLogicalId, q -> new ArrayList<>()).addAll(taken);
        return taken;
    }

    /** Everything the outside consumer of this queue has taken so far (call {@link #take} first). */
    public List<Message> taken(String queueLogicalId) {
        return takenByOutside.getOrDefault(queueLogicalId, List.of());
    }

    /** Reads (without removing) every message of a dead-letter queue, with its message attributes. */
    public List<Message> peekDlq(String dlqLogicalId) {
        String url = stack.queueUrl(dlqLogicalId);
        Map<String, Message> seen = new LinkedHashMap<>();
        List<String> handles = new ArrayList<>();
        while (true) {
            List<Message> batch = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .visibilityTimeout(30).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message m : batch) {
                seen.putIfAbsent(m.messageId(), m);
                handles.add(m.receiptHandle());
            }
        }
        for (String handle : handles) { // a DLQ has no redrive: receiving it again costs nothing
            stack.sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(handle).visibilityTimeout(0));
        }
        return List.copyOf(seen.values());
    }

    /** The DLQ a queue redrives to (per the template). */
    public Optional<String> dlqOf(String queueLogicalId) {
        return stack.template().queues().stream().filter(q -> q.logicalId().equals(queueLogicalId)).findFirst()
                .flatMap(QueueSpec::redrive).map(r -> r.deadLetterQueueLogicalId());
    }

    public int itemCount(String tableLogicalId) {
        return stack.dynamoDb().scan(b -> b.tableName(stack.tableName(tableLogicalId)).select("COUNT")).count();
    }

    /** Every item of a table (demo-sized tables only). */
    public List<Map<String, AttributeValue>> scan(String tableLogicalId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        stack.dynamoDb().scanPaginator(b -> b.tableName(stack.tableName(tableLogicalId))).items().forEach(items::add);
        return items;
    }

    public Optional<Map<String, AttributeValue>> item(String tableLogicalId, String pk, String sk) {
        Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(stack.tableName(tableLogicalId))
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    public static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s() != null ? v.s() : v.n();
    }

    public static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Message m) {
        return json(m.body());
    }

    public Instant now() {
        return runtime.clock().instant();
    }

    /** The clock as a reader in China sees it, e.g. {@code 2026-11-28 10:00 Shanghai}. */
    public String nowLocal() {
        return LOCAL.format(now()) + " Shanghai";
    }

    public void line(String format, Object... args) {
        out.println(args.length == 0 ? format : String.format(format, args));
    }
}

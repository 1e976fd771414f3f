package io.kefu.tests.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.shared.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What the functions did to a stage: the table items and the messages on the queues nobody in this project
 * consumes (outbound, approvals, follow-ups) and on the DLQs. Queue messages are collected (received and deleted)
 * as the test goes, so reading tokens off the outbound queue does not lose them from the record.
 */
final class Effects {
    /** The message's idempotency key: the queue's own attribute, the generic one (QA follow-ups), else the body. */
    private static String key(String queue, Sent sent) {
        String own = sent.attributes().get(KEY_ATTRIBUTE.get(queue));
        return own != null ? own : sent.attributes().getOrDefault("kefu.idempotencyKey", sent.body());
    }

    /** Queues whose messages are effects (their consumers are outside this project) + the DLQs. */
    static final List<String> OUTPUT_QUEUES = List.of("OutboundMessagesQueue", "CareApprovalsQueue", "FollowUpsQueue");
    /** Message attribute that is the idempotency key per output queue. */
    private static final Map<String, String> KEY_ATTRIBUTE = Map.of(
            "OutboundMessagesQueue", "messageKey", "CareApprovalsQueue", "approvalKey", "FollowUpsQueue", "followUpId");
    private static final Pattern INSTANT = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*");
    private static final Pattern TOKEN_IN_LINK = Pattern.compile("/[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])");
    /** Attributes that legitimately differ between two runs of the same input (random tokens, SQS ids). */
    private static final Set<String> VOLATILE = Set.of("tokenHash", "tokenHashes", "answerMessageId", "answerHash", "ttl");

    record Sent(String body, Map<String, String> attributes) {}

    private final LocalAwsStack stack;
    private final Map<String, List<Sent>> collected = new TreeMap<>();

    Effects(LocalAwsStack stack) {
        this.stack = stack;
    }

    /** Moves what is on the output queues and DLQs into this record. */
    synchronized void collect() {
        for (String queue : queuesToCollect()) {
            String url = stack.queueUrl(queue);
            while (true) {
                List<Message> page = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(0).messageAttributeNames("All")).messages();
                if (page.isEmpty()) {
                    break;
                }
                for (Message m : page) {
                    Map<String, String> attributes = new TreeMap<>();
                    m.messageAttributes().forEach((k, v) -> attributes.put(k, v.stringValue()));
                    collected.computeIfAbsent(queue, k -> new ArrayList<>()).add(new Sent(m.body(), attributes));
                    stack.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
        }
    }

    private List<String> queuesToCollect() {
        List<String> queues = new ArrayList<>(OUTPUT_QUEUES);
        for (String queue : stack.resources().queueUrls().keySet()) {
            if (queue.endsWith("Dlq")) {
                queues.add(queue);
            }
        }
        return queues;
    }

    synchronized List<Sent> messages(String queue) {
        return List.copyOf(collected.getOrDefault(queue, List.of()));
    }

    /**
     * Tokens from the survey links sent so far, ordered by customer (not by send order, which a retried send
     * changes), so two runs answer each customer's survey the same way.
     */
    List<String> surveyTokens() {
        TreeMap<String, String> byCustomer = new TreeMap<>();
        for (Sent sent : messages("OutboundMessagesQueue")) {
            JsonNode body = parse(sent.body());
            if (body != null && "SURVEY".equals(body.path("kind").asText())) {
                String text = body.path("body").asText();
                byCustomer.put(body.path("customerId").asText() + " " + body.path("referenceId").asText(),
                        text.substring(text.lastIndexOf('/') + 1));
            }
        }
        return new ArrayList<>(byCustomer.values());
    }

    /** Items per table. */
    Map<String, Integer> itemCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        tables().forEach((table, items) -> counts.put(table, items.size()));
        return counts;
    }

    /** Messages per output queue/DLQ, raw and by distinct idempotency key. */
    Map<String, Integer> messageCounts() {
        collect();
        Map<String, Integer> counts = new TreeMap<>();
        synchronized (this) {
            collected.forEach((queue, list) -> counts.put(queue, list.size()));
        }
        return counts;
    }

    /** Messages that repeat an idempotency key already on the same queue (consumers drop them). */
    int repeatedKeys() {
        collect();
        int repeats = 0;
        for (String queue : OUTPUT_QUEUES) {
            Set<String> keys = new HashSet<>();
            for (Sent sent : messages(queue)) {
                if (!keys.add(key(queue, sent))) {
                    repeats++;
                }
            }
        }
        return repeats;
    }

    /** The idempotency keys that appear more than once, per output queue, for the figures. */
    String repeatedKeyList() {
        collect();
        List<String> out = new ArrayList<>();
        for (String queue : OUTPUT_QUEUES) {
            Map<String, Integer> counts = new TreeMap<>();
            for (Sent sent : messages(queue)) {
                counts.merge(key(queue, sent), 1, Integer::sum);
            }
            counts.forEach((key, n) -> {
                if (n > 1) {
                    out.add(queue + ":" + key + "x" + n);
                }
            });
        }
        return String.join(",", out);
    }

    /** Distinct effects per table/queue: items, and output messages by idempotency key. */
    Map<String, Integer> distinctEffects() {
        Map<String, Integer> out = new TreeMap<>(itemCounts());
        collect();
        for (String queue : OUTPUT_QUEUES) {
            out.put(queue, (int) messages(queue).stream()
                    .map(s -> key(queue, s)).distinct().count());
        }
        return out;
    }

    /**
     * The end state, normalised for comparison with another run of the same input on another stage: items and
     * message bodies with timestamps, random tokens and SQS message ids taken out; output queues by distinct key.
     */
    Map<String, List<String>> normalisedState() {
        Map<String, List<String>> state = new TreeMap<>();
        // distinct: a survey has one TOKEN#<hash> item per send attempt (a crashed attempt's token was never sent)
        tables().forEach((table, items) -> state.put("table " + table,
                items.stream().map(Effects::normalise).distinct().sorted().toList()));
        collect();
        synchronized (this) {
            collected.forEach((queue, list) -> {
                if (queue.endsWith("Dlq")) {
                    state.put("queue " + queue, list.stream().map(s -> normaliseText(s.body()) + " "
                            + s.attributes().getOrDefault("kefu.error.field", "") + " "
                            + s.attributes().getOrDefault("kefu.error.reason", "")).sorted().toList());
                } else {
                    state.put("queue " + queue, list.stream().map(s -> normaliseText(s.body())).distinct().sorted().toList());
                }
            });
        }
        return state;
    }

    /** What one normalised state has that the other has not (empty when equal), for assertion messages. */
    static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            List<String> missing = new ArrayList<>(expected.getOrDefault(key, List.of()));
            List<String> extra = new ArrayList<>(actual.getOrDefault(key, List.of()));
            for (String e : expected.getOrDefault(key, List.of())) {
                if (extra.remove(e)) {
                    missing.remove(e);
                }
            }
            missing.forEach(m -> out.add(key + " MISSING " + m));
            extra.forEach(m -> out.add(key + " EXTRA " + m));
        }
        return out;
    }

    private Map<String, List<Map<String, AttributeValue>>> tables() {
        Map<String, List<Map<String, AttributeValue>>> tables = new TreeMap<>();
        for (String table : stack.resources().tableNames().keySet()) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = stack.dynamoDb().scan(ScanRequest.builder()
                        .tableName(stack.tableName(table)).exclusiveStartKey(from).consistentRead(true).build());
                items.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            tables.put(table, items);
        }
        return tables;
    }

    private static String normalise(Map<String, AttributeValue> item) {
        Map<String, String> out = new TreeMap<>();
        item.forEach((name, value) -> {
            if (VOLATILE.contains(name)) {
                return;
            }
            String text = value.s() != null ? value.s() : value.n() != null ? value.n()
                    : value.hasSs() ? new java.util.TreeSet<>(value.ss()).toString() : value.toString();
            if (INSTANT.matcher(text).matches() || value.b() != null) {
                return; // timestamps; binary (gzip) payloads compared by the other attributes
            }
            out.put(name, normaliseText(text).replaceAll("^TOKEN#[0-9a-f]{64}$", "TOKEN#<hash>"));
        });
        return out.toString();
    }

    private static String normaliseText(String text) {
        JsonNode node = parse(text);
        if (node instanceof ObjectNode object) {
            stripInstants(object);
            return TOKEN_IN_LINK.matcher(object.toString()).replaceAll("/<token>");
        }
        return TOKEN_IN_LINK.matcher(text).replaceAll("/<token>");
    }

    private static void stripInstants(ObjectNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && INSTANT.matcher(value.asText()).matches()) {
                fields.remove();
            } else if (value instanceof ObjectNode child) {
                stripInstants(child);
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text.startsWith("{") ? Json.mapper().readTree(text) : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** "table=n ..." for the figures line. */
    static String summary(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().replace("Table", "").replace("Queue", "") + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** How many more effects {@code after} has than {@code baseline}, summed over tables/queues. */
    static int extra(Map<String, Integer> after, Map<String, Integer> baseline) {
        int extra = 0;
        Set<String> keys = new HashSet<>(after.keySet());
        keys.addAll(baseline.keySet());
        for (String key : keys) {
            extra += Math.max(0, after.getOrDefault(key, 0) - baseline.getOrDefault(key, 0));
        }
        return extra;
    }
}

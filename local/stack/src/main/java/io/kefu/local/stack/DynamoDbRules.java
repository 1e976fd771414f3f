package io.kefu.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.capacity.ItemSize;
import io.kefu.capacity.TableShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What dynalite gets wrong and DynamoDB does not, applied in front of it ({@link FaultInjectingProxy}): the 400 KB
 * item limit counted DynamoDB's way ({@link ItemSize}: UTF-8, where dynalite counts UTF-16 units, so a Chinese
 * transcript of 470 KB passed). A PutItem or BatchWriteItem with such an item is refused before it reaches dynalite;
 * an UpdateItem that makes one is undone (the item before it is put back) and refused, all with DynamoDB's
 * ValidationException and wording. Writes that need the item before are serialised, so the undo cannot race.
 *
 * <p>With a {@link DynamoDbMeter} attached it also captures, for the meter, the item before and after every write
 * and the items every Query/Scan evaluated (re-read without filter and projection, as DynamoDB charges them).
 */
public final class DynamoDbRules {
    static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    static final String PUT_TOO_LARGE = "Item size has exceeded the maximum allowed size";
    static final String UPDATE_TOO_LARGE = "Item size to update has exceeded the maximum allowed size";
    private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");

    private final ObjectMapper json = new ObjectMapper();
    private final DynamoDbClient direct;
    private final ReentrantLock writes = new ReentrantLock();
    private volatile DynamoDbMeter meter;

    DynamoDbRules(URI dynalite, String region) {
        this.direct = DynamoDbClient.builder().endpointOverride(dynalite).region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("rules", "rules"))).build();
    }

    /** Attaches (or, with null, detaches) a meter. */
    public DynamoDbRules meter(DynamoDbMeter meter) {
        this.meter = meter;
        return this;
    }

    FaultInjectingProxy.Answer exchange(String operation, byte[] body, Function<byte[], FaultInjectingProxy.Answer> forward) {
        JsonNode request = parse(body);
        DynamoDbMeter m = meter != null && meter.active() ? meter : null;
        return switch (operation) {
            case "PutItem" -> put(request, body, forward, m);
            case "BatchWriteItem" -> batchWrite(request, body, forward, m);
            case "UpdateItem" -> update(request, body, forward, m);
            case "DeleteItem" -> delete(request, body, forward, m);
            case "GetItem", "BatchGetItem", "Query", "Scan" -> {
                FaultInjectingProxy.Answer answer = forward.apply(body);
                if (m != null && answer.status() == 200) {
                    meterRead(operation, request, parse(answer.payload()), forward, m);
                }
                yield answer;
            }
            default -> forward.apply(body);
        };
    }

    private FaultInjectingProxy.Answer put(JsonNode request, byte[] body, Function<byte[], FaultInjectingProxy.Answer> forward, DynamoDbMeter m) {
        Map<String, AttributeValue> item = WireItems.item(request.get("Item"));
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            return validation(PUT_TOO_LARGE);
        }
        String table = request.path("TableName").asText();
        if (m == null || m.shape(table) == null) {
            return forward.apply(body);
        }
        return locked(() -> {
            Map<String, AttributeValue> key = key(m.shape(table), item);
            Map<String, AttributeValue> before = get(table, key);
            FaultInjectingProxy.Answer answer = forward.apply(body);
            m.write(table, before, answer.status() == 200 ? item : before);
            return answer;
        });
    }

    private FaultInjectingProxy.Answer batchWrite(JsonNode request, byte[] body, Function<byte[], FaultInjectingProxy.Answer> forward, DynamoDbMeter m) {
        record Write(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {}
        List<Write> batch = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> tables = request.path("RequestItems").fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> t = tables.next();
            for (JsonNode w : t.getValue()) {
                Map<String, AttributeValue> item = WireItems.item(w.path("PutRequest").get("Item"));
                if (item != null && ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
                    return validation(PUT_TOO_LARGE);
                }
                TableShape shape = m == null ? null : m.shape(t.getKey());
                if (shape != null) {
                    batch.add(new Write(t.getKey(), item != null ? key(shape, item) : WireItems.item(w.path("DeleteRequest").get("Key")), item));
                }
            }
        }
        if (batch.isEmpty()) {
            return forward.apply(body);
        }
        return locked(() -> {
            List<Map<String, AttributeValue>> before = batch.stream().map(w -> get(w.table(), w.key())).toList();
            FaultInjectingProxy.Answer answer = forward.apply(body);
            if (answer.status() == 200) {   // dynalite leaves nothing unprocessed
                for (int i = 0; i < batch.size(); i++) {
                    m.write(batch.get(i).table(), before.get(i), batch.get(i).item());
                }
            }
            return answer;
        });
    }

    private FaultInjectingProxy.Answer update(JsonNode request, byte[] body, Function<byte[], FaultInjectingProxy.Answer> forward, DynamoDbMeter m) {
        String table = request.path("TableName").asText();
        Map<String, AttributeValue> key = WireItems.item(request.get("Key"));
        return locked(() -> {
            Map<String, AttributeValue> before = get(table, key);
            FaultInjectingProxy.Answer answer = forward.apply(body);
            if (answer.status() != 200) {
                if (m != null) {
                    m.write(table, before, before);   // a failed condition still costs the item's units
                }
                return answer;
            }
            Map<String, AttributeValue> after = get(table, key);
            if (ItemSize.of(after) > ItemSize.MAX_ITEM_BYTES) {
                if (before == null) {
                    direct.deleteItem(b -> b.tableName(table).key(key));
                } else {
                    direct.putItem(b -> b.tableName(table).item(before));
                }
                return validation(UPDATE_TOO_LARGE);
            }
            if (m != null) {
                m.write(table, before, after);
            }
            return answer;
        });
    }

    private FaultInjectingProxy.Answer delete(JsonNode request, byte[] body, Function<byte[], FaultInjectingProxy.Answer> forward, DynamoDbMeter m) {
        String table = request.path("TableName").asText();
        if (m == null || m.shape(table) == null) {
            return forward.apply(body);
        }
        Map<String, AttributeValue> key = WireItems.item(request.get("Key"));
        return locked(() -> {
            Map<String, AttributeValue> before = get(table, key);
            FaultInjectingProxy.Answer answer = forward.apply(body);
            m.write(table, before, answer.status() == 200 ? null : before);
            return answer;
        });
    }

    private void meterRead(String operation, JsonNode request, JsonNode response, Function<byte[], FaultInjectingProxy.Answer> forward, DynamoDbMeter m) {
        switch (operation) {
            case "GetItem" -> m.read(request.path("TableName").asText(), ItemSize.of(WireItems.item(response.get("Item"))),
                    request.path("ConsistentRead").asBoolean(false));
            case "BatchGetItem" -> response.path("Responses").fields().forEachRemaining(t -> {
                boolean consistent = request.path("RequestItems").path(t.getKey()).path("ConsistentRead").asBoolean(false);
                t.getValue().forEach(item -> m.read(t.getKey(), ItemSize.of(WireItems.item(item)), consistent));
            });
            default -> {   // Query, Scan: every item evaluated, summed, then rounded once
                String table = request.path("TableName").asText();
                TableShape shape = m.shape(table);
                if (shape == null) {
                    return;
                }
                JsonNode evaluated = response;
                if (request.has("FilterExpression") || request.has("ProjectionExpression") || request.has("Select")) {
                    evaluated = parse(forward.apply(unfiltered(request)).payload());
                }
                String index = request.path("IndexName").asText(null);
                long bytes = 0;
                for (JsonNode node : evaluated.path("Items")) {
                    Map<String, AttributeValue> item = WireItems.item(node);
                    bytes += ItemSize.of(index == null ? item : shape.index(index).entry(item, shape.key()));
                }
                m.read(index == null ? table : table + "/" + index, bytes, request.path("ConsistentRead").asBoolean(false));
            }
        }
    }

    /** The same page of the same Query/Scan without filter and projection: what DynamoDB reads and charges. */
    private byte[] unfiltered(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove(List.of("FilterExpression", "ProjectionExpression", "Select", "ReturnConsumedCapacity"));
        String keyCondition = copy.path("KeyConditionExpression").asText("");
        List<String> used = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(keyCondition);
        while (matcher.find()) {
            used.add(matcher.group());
        }
        for (String field : List.of("ExpressionAttributeNames", "ExpressionAttributeValues")) {
            if (copy.has(field)) {
                ((ObjectNode) copy.get(field)).retain(used);
                if (copy.get(field).isEmpty()) {
                    copy.remove(field);
                }
            }
        }
        try {
            return json.writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = direct.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Map<String, AttributeValue> key(TableShape shape, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        shape.key().forEach(k -> key.put(k, item.get(k)));
        return key;
    }

    private FaultInjectingProxy.Answer locked(java.util.function.Supplier<FaultInjectingProxy.Answer> write) {
        writes.lock();
        try {
            return write.get();
        } finally {
            writes.unlock();
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();   // not JSON: let dynalite answer it
        }
    }

    static FaultInjectingProxy.Answer validation(String message) {
        byte[] payload = ("{\"__type\":\"" + VALIDATION + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        return new FaultInjectingProxy.Answer(400, Map.of("Content-Type", List.of("application/x-amz-json-1.0")), payload);
    }

    void close() {
        direct.close();
    }
}

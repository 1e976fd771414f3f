package io.kefu.shared.aws.care;

import static io.kefu.shared.aws.Attrs.put;
import static io.kefu.shared.aws.Attrs.s;

import io.kefu.shared.app.care.ShipmentStore;
import io.kefu.shared.aws.Attrs;
import io.kefu.shared.domain.Retention;
import io.kefu.shared.domain.SortableTime;
import io.kefu.shared.domain.care.ExceptionCode;
import io.kefu.shared.domain.care.Shipment;
import io.kefu.shared.domain.care.ShipmentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Shipments table: pk = ORDER#orderId, sk = SHIPMENT. In-transit shipments also carry
 * gsi1pk = INTRANSIT#shard, gsi1sk = last scan time (fixed-width ISO), the sparse InTransitByLastScan
 * index the sweep queries; other statuses leave them out, so the index holds only what can stall.
 */
public final class DynamoShipmentStore implements ShipmentStore {
    public static final String INDEX = "InTransitByLastScan";
    private static final String SK = "SHIPMENT";
    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;

    public DynamoShipmentStore(DynamoDbClient dynamo, String table, int shards) {
        this.dynamo = dynamo;
        this.table = table;
        this.shards = shards;
    }

    @Override
    public Optional<Shipment> find(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(orderId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean save(Shipment next, String expectedEventKey) {
        Map<String, AttributeValue> item = toItem(next);
        try {
            if (expectedEventKey == null) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item)
                        .conditionExpression("lastEventKey = :expected")
                        .expressionAttributeValues(Map.of(":expected", s(expectedEventKey))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Shipment> stalledBefore(int shard, Instant cutoff, int limit) {
        List<Shipment> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(INDEX)
                    .keyConditionExpression("gsi1pk = :bucket AND gsi1sk < :cutoff")
                    .expressionAttributeValues(Map.of(":bucket", s(bucket(shard)), ":cutoff", s(SortableTime.format(cutoff))))
                    .limit(limit - found.size())
                    .exclusiveStartKey(from));
            page.items().forEach(i -> found.add(fromItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }

    @Override
    public boolean unwatch(String orderId, String expectedEventKey) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(orderId))
                    .updateExpression("REMOVE gsi1pk, gsi1sk")
                    .conditionExpression("lastEventKey = :expected")
                    .expressionAttributeValues(Map.of(":expected", s(expectedEventKey))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static String bucket(int shard) {
        return "INTRANSIT#" + shard;
    }

    private Map<String, AttributeValue> toItem(Shipment s) {
        Map<String, AttributeValue> item = new HashMap<>(key(s.orderId()));
        put(item, "orderId", s.orderId());
        put(item, "customerId", s.customerId());
        put(item, "carrier", s.carrier());
        put(item, "trackingNo", s.trackingNo());
        put(item, "status", s.status());
        put(item, "exceptionCode", s.exceptionCode());
        put(item, "lastEventKey", s.lastEventKey());
        put(item, "lastScanAt", s.lastScanAt());
        put(item, "promisedDate", s.promisedDate());
        put(item, "carrierEta", s.carrierEta());
        put(item, "region", s.region());
        put(item, "episode", (long) s.episode());
        put(item, "orderValueCents", s.orderValueCents());
        put(item, "shippingFeeCents", s.shippingFeeCents());
        put(item, "lastEventHash", s.lastEventHash());
        item.put("ttl", Attrs.epochSeconds(Retention.SHIPMENT.expiry(s.lastScanAt()))); // refreshed by every event
        if (s.watchedForStall()) {
            item.put("gsi1pk", s(bucket(Shipment.shard(s.orderId(), shards))));
            item.put("gsi1sk", s(SortableTime.format(s.lastScanAt())));
        }
        return item;
    }

    private static Shipment fromItem(Map<String, AttributeValue> i) {
        String promised = Attrs.str(i, "promisedDate");
        Long episode = Attrs.num(i, "episode");
        return new Shipment(Attrs.str(i, "orderId"), Attrs.str(i, "customerId"), Attrs.str(i, "carrier"),
                Attrs.str(i, "trackingNo"), Attrs.enumOf(i, "status", ShipmentStatus.class),
                Attrs.enumOf(i, "exceptionCode", ExceptionCode.class), Attrs.str(i, "lastEventKey"),
                Attrs.instant(i, "lastScanAt"), promised == null ? null : LocalDate.parse(promised),
                Attrs.instant(i, "carrierEta"), Attrs.str(i, "region"), episode == null ? 0 : episode.intValue(),
                Attrs.num(i, "orderValueCents"), Attrs.num(i, "shippingFeeCents"), Attrs.str(i, "lastEventHash"));
    }

    private static Map<String, AttributeValue> key(String orderId) {
        return Map.of("pk", s("ORDER#" + orderId), "sk", s(SK));
    }
}

package io.kefu.shared.aws.care;

import static io.kefu.shared.aws.Attrs.put;
import static io.kefu.shared.aws.Attrs.s;
import static io.kefu.shared.aws.Attrs.time;

import io.kefu.shared.app.care.CareCaseStore;
import io.kefu.shared.aws.Attrs;
import io.kefu.shared.aws.DynamoLease;
import io.kefu.shared.domain.Retention;
import io.kefu.shared.domain.SortableTime;
import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CaseStatus;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.Offer;
import io.kefu.shared.domain.care.OfferType;
import io.kefu.shared.domain.care.RecoveryKind;
import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.effects.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Care-cases table: pk = ORDER#orderId, sk = INCIDENT#reason#episode. While a message is pending
 * the item carries gsi1pk = PENDING#VIP or PENDING#STD and gsi1sk = when the sweep should look
 * (PendingByDueTime, sparse); gsi2pk = STATUS#status, gsi2sk = detectedAt#orderId (ByStatus, for
 * a manager's "what is open / what did we send" views).
 */
public final class DynamoCareCaseStore implements CareCaseStore {
    public static final String PENDING_INDEX = "PendingByDueTime";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCareCaseStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<CareCase> find(IncidentId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean create(CareCase c, Instant sweepAt) {
        Map<String, AttributeValue> item = toItem(c);
        if (c.status().pending()) {
            item.put("gsi1pk", s(pendingPartition(c.vip())));
            item.put("gsi1sk", time(sweepAt));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<CareCase> forOrder(String orderId) {
        return queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :incident)")
                .expressionAttributeValues(Map.of(":pk", s("ORDER#" + orderId), ":incident", s("INCIDENT#")))
                .build());
    }

    @Override
    public List<CareCase> pendingDue(boolean vip, Instant now, int limit) {
        List<CareCase> due = dynamo.query(QueryRequest.builder().tableName(table).indexName(PENDING_INDEX)
                .keyConditionExpression("gsi1pk = :p AND gsi1sk <= :now")
                .expressionAttributeValues(Map.of(":p", s(pendingPartition(vip)), ":now", time(now)))
                .limit(limit)
                .build()).items().stream().map(DynamoCareCaseStore::fromItem).toList();
        return due;
    }

    @Override
    public boolean claimSend(IncidentId id, CaseStatus expected, Instant now, Lease lease) {
        // gsi1sk = lease end: if the winner dies before marking the case, the sweep finds it when the lease ends.
        Map<String, AttributeValue> values = new HashMap<>(DynamoLease.claimValues(lease, now));
        values.put(":expected", s(expected.name()));
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(id))
                    .updateExpression("SET " + DynamoLease.set() + ", gsi1sk = :leaseUntil")
                    .conditionExpression("#status = :expected AND " + DynamoLease.free())
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releaseSend(IncidentId id, Lease lease) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(id))
                    .updateExpression("REMOVE " + DynamoLease.remove())
                    .conditionExpression(DynamoLease.held())
                    .expressionAttributeValues(DynamoLease.ownerValue(lease))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // someone else's lease by now (ours ran out): leave it alone
        }
    }

    @Override
    public boolean markNotified(IncidentId id, Instant at, Channel channel, String action) {
        return update(id, CaseStatus.NOTICE_PENDING, CaseStatus.NOTIFIED, at, action,
                "notifiedAt = :at, channel = :channel",
                Map.of(":at", time(at), ":channel", s(channel.name())));
    }

    @Override
    public boolean defer(IncidentId id, CaseStatus expected, Instant until, String why, Instant now) {
        return update(id, expected, expected, now, "DEFERRED " + why + " UNTIL " + SortableTime.format(until),
                "dueAt = :until, deferredReason = :why, gsi1sk = :until",
                Map.of(":until", time(until), ":why", s(why)));
    }

    @Override
    public boolean startRecovery(IncidentId id, RecoveryKind kind, Instant newEta, Instant now, Instant sweepAt) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":kind", s(kind.name()), ":now", time(now),
                ":sweep", time(sweepAt), ":pending", s(pendingPartition(find(id).map(CareCase::vip).orElse(false)))));
        String set = "recoveryKind = :kind, dueAt = :now, gsi1pk = :pending, gsi1sk = :sweep REMOVE deferredReason";
        if (newEta != null) {
            values.put(":eta", time(newEta));
            set = "newEta = :eta, " + set;
        }
        return update(id, CaseStatus.NOTIFIED, CaseStatus.RECOVERY_PENDING, now, "RECOVERY_STARTED " + kind, set, values);
    }

    @Override
    public boolean transition(IncidentId id, CaseStatus expected, CaseStatus next, Instant now, String action) {
        return next.open()
                ? update(id, expected, next, now, action, null, Map.of())
                : update(id, expected, next, now, action, "closedAt = :closed", Map.of(":closed", time(now)));
    }

    /**
     * One conditional UpdateItem: status must still be {@code expected}; sets the new status, its
     * ByStatus key, appends to the action log, and leaves the pending index unless still pending. A
     * status change also drops the send lease (the next pending phase claims its own).
     */
    private boolean update(IncidentId id, CaseStatus expected, CaseStatus next, Instant now, String action,
                           String extraSet, Map<String, AttributeValue> extraValues) {
        Map<String, AttributeValue> values = new HashMap<>(extraValues);
        values.put(":expected", s(expected.name()));
        values.put(":next", s(next.name()));
        values.put(":statusKey", s("STATUS#" + next.name()));
        values.put(":action", AttributeValue.fromL(List.of(s(CareCase.action(now, action)))));
        values.put(":empty", AttributeValue.fromL(List.of()));
        String expression = "SET #status = :next, gsi2pk = :statusKey, "
                + "actions = list_append(if_not_exists(actions, :empty), :action)";
        List<String> removed = new ArrayList<>();
        if (!next.pending()) {
            removed.add("gsi1pk, gsi1sk");
        }
        if (next != expected) {
            removed.add(DynamoLease.remove());
        }
        String removes = removed.isEmpty() ? "" : " REMOVE " + String.join(", ", removed);
        if (extraSet != null) {
            int remove = extraSet.indexOf(" REMOVE ");
            if (remove >= 0) {
                removes = removes.isEmpty() ? extraSet.substring(remove) : removes + ", " + extraSet.substring(remove + 8);
                extraSet = extraSet.substring(0, remove);
            }
            expression += ", " + extraSet;
        }
        String finalExpression = expression + removes;
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(id))
                    .updateExpression(finalExpression)
                    .conditionExpression("#status = :expected")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private List<CareCase> queryAll(QueryRequest first) {
        List<CareCase> out = new ArrayList<>();
        QueryRequest request = first;
        while (true) {
            QueryResponse page = dynamo.query(request);
            page.items().forEach(i -> out.add(fromItem(i)));
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return out;
            }
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    static String pendingPartition(boolean vip) {
        return vip ? "PENDING#VIP" : "PENDING#STD";
    }

    private static Map<String, AttributeValue> key(IncidentId id) {
        return Map.of("pk", s("ORDER#" + id.orderId()), "sk", s(id.sortKey()));
    }

    private static Map<String, AttributeValue> toItem(CareCase c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.id()));
        put(item, "orderId", c.id().orderId());
        put(item, "reason", c.id().reason());
        put(item, "episode", (long) c.id().episode());
        put(item, "customerId", c.customerId());
        put(item, "status", c.status());
        put(item, "messageKey", c.id().noticeKey());
        put(item, "detectedAt", c.detectedAt());
        put(item, "openedEventKey", c.openedEventKey());
        put(item, "delayHours", c.delayHours());
        put(item, "newEta", c.newEta());
        put(item, "carrier", c.carrier());
        put(item, "trackingNo", c.trackingNo());
        item.put("vip", AttributeValue.fromBool(c.vip()));
        put(item, "dueAt", c.dueAt());
        item.put("offers", AttributeValue.fromL(c.offers().stream().map(o -> AttributeValue.fromM(Map.of(
                "type", s(o.type().name()),
                "valueCents", Attrs.n(o.valueCents()),
                "rule", s(o.rule()),
                "needsApproval", AttributeValue.fromBool(o.needsApproval())))).toList()));
        item.put("actions", AttributeValue.fromL(c.actions().stream().map(Attrs::s).toList()));
        item.put("gsi2pk", s("STATUS#" + c.status().name()));
        item.put("gsi2sk", s(SortableTime.format(c.detectedAt()) + "#" + c.id().orderId()));
        item.put("ttl", Attrs.epochSeconds(Retention.CARE_CASE.expiry(c.detectedAt())));
        return item;
    }

    private static CareCase fromItem(Map<String, AttributeValue> i) {
        IncidentId id = IncidentId.fromSortKey(Attrs.str(i, "orderId"), Attrs.str(i, "sk"));
        List<Offer> offers = i.containsKey("offers") ? i.get("offers").l().stream().map(AttributeValue::m)
                .map(m -> new Offer(OfferType.valueOf(m.get("type").s()), Long.parseLong(m.get("valueCents").n()),
                        m.get("rule").s(), Boolean.TRUE.equals(m.get("needsApproval").bool())))
                .toList() : List.of();
        List<String> actions = i.containsKey("actions") ? i.get("actions").l().stream().map(AttributeValue::s).toList() : List.of();
        Long delay = Attrs.num(i, "delayHours");
        return new CareCase(id, Attrs.str(i, "customerId"), Attrs.enumOf(i, "status", CaseStatus.class),
                Attrs.instant(i, "detectedAt"), Attrs.str(i, "openedEventKey"), delay == null ? 0 : delay,
                Attrs.instant(i, "newEta"), Attrs.str(i, "carrier"), Attrs.str(i, "trackingNo"), offers,
                Attrs.flag(i, "vip"), Attrs.instant(i, "dueAt"), Attrs.str(i, "deferredReason"),
                Attrs.instant(i, "notifiedAt"), Attrs.enumOf(i, "channel", Channel.class),
                Attrs.enumOf(i, "recoveryKind", RecoveryKind.class), Attrs.instant(i, "closedAt"), actions);
    }
}

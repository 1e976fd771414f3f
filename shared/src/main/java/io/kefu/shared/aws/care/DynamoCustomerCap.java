package io.kefu.shared.aws.care;

import static io.kefu.shared.aws.Attrs.s;

import io.kefu.shared.app.care.CustomerCap;
import io.kefu.shared.aws.Attrs;
import io.kefu.shared.domain.Retention;
import io.kefu.shared.domain.SortableTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The proactive-message cap, one item per customer in the customer-preferences table:
 * pk = CUSTOMER#id, sk = CARE_CAP, lastProactiveAt (fixed-width ISO), lastMessageKey.
 * The claim is one conditional UpdateItem; the key that holds the slot may claim it again.
 */
public final class DynamoCustomerCap implements CustomerCap {
    private static final String SK = "CARE_CAP";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCustomerCap(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(String customerId, String messageKey, Instant now, Duration window) {
        Map<String, AttributeValue> held = read(customerId);
        if (messageKey.equals(Attrs.str(held, "lastMessageKey"))) {
            return new Claim(true, Attrs.instant(held, "lastProactiveAt")); // a retry of the same notice
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(customerId))
                    .updateExpression("SET lastProactiveAt = :now, lastMessageKey = :key, #ttl = :ttl")
                    .conditionExpression("attribute_not_exists(lastProactiveAt) OR lastProactiveAt <= :windowStart"
                            + " OR lastMessageKey = :key")
                    .expressionAttributeNames(Map.of("#ttl", "ttl"))
                    .expressionAttributeValues(Map.of(
                            ":ttl", Attrs.epochSeconds(Retention.CUSTOMER_CAP.expiry(now.plus(window))),
                            ":now", s(SortableTime.format(now)),
                            ":key", s(messageKey),
                            ":windowStart", s(SortableTime.format(now.minus(window))))));
            return new Claim(true, now);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> winner = read(customerId);
            return new Claim(messageKey.equals(Attrs.str(winner, "lastMessageKey")), Attrs.instant(winner, "lastProactiveAt"));
        }
    }

    private Map<String, AttributeValue> read(String customerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(customerId)).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static Map<String, AttributeValue> key(String customerId) {
        return Map.of("pk", s("CUSTOMER#" + customerId), "sk", s(SK));
    }
}

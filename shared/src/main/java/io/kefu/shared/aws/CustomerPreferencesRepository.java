package io.kefu.shared.aws;

import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.customer.QuietHours;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Customer contact preferences, one item per customer: pk = CUSTOMER#id, sk = PREFERENCES.
 * A missing item means defaults, so a new customer is never blocked by missing data.
 */
public final class CustomerPreferencesRepository {
    private static final String SK = "PREFERENCES";
    private final DynamoDbClient dynamo;
    private final String table;

    public CustomerPreferencesRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public CustomerPreferences find(String customerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(customerId))).item();
        if (item == null || item.isEmpty()) {
            return CustomerPreferences.defaults(customerId);
        }
        return new CustomerPreferences(
                customerId,
                field(customerId, "channel", () -> Channel.valueOf(text(item, "channel", Channel.APP_PUSH.name()))),
                text(item, "locale", "zh-CN"),
                field(customerId, "zone", () -> ZoneId.of(text(item, "zone", CustomerPreferences.DEFAULT_ZONE.getId()))),
                field(customerId, "quietHours",
                        () -> QuietHours.parse(text(item, "quietHours", QuietHours.DEFAULT.format()))),
                flag(item, "proactiveOptOut"),
                flag(item, "surveyOptOut"),
                flag(item, "vip"));
    }

    public void save(CustomerPreferences preferences) {
        Map<String, AttributeValue> item = new HashMap<>(key(preferences.customerId()));
        item.put("channel", AttributeValue.fromS(preferences.channel().name()));
        item.put("locale", AttributeValue.fromS(preferences.locale()));
        item.put("zone", AttributeValue.fromS(preferences.zone().getId()));
        item.put("quietHours", AttributeValue.fromS(preferences.quietHours().format()));
        item.put("proactiveOptOut", AttributeValue.fromBool(preferences.proactiveOptOut()));
        item.put("surveyOptOut", AttributeValue.fromBool(preferences.surveyOptOut()));
        item.put("vip", AttributeValue.fromBool(preferences.vip()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String customerId) {
        return Map.of("pk", AttributeValue.fromS("CUSTOMER#" + customerId), "sk", AttributeValue.fromS(SK));
    }

    /** A stored value this code cannot read: say which customer and field, not just "No enum constant". */
    private static <T> T field(String customerId, String name, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("customer preferences of " + customerId + ": unreadable " + name + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? fallback : value.s();
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }
}

package io.kefu.shared.aws;

import io.kefu.shared.domain.SortableTime;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Small conversions between DynamoDB attribute maps and Java values for the repositories.
 * Absent attributes read as null; times are written as {@link SortableTime} text so they sort.
 */
public final class Attrs {
    private Attrs() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue time(Instant value) {
        return AttributeValue.fromS(SortableTime.format(value));
    }

    /** Epoch seconds, the format DynamoDB's TTL reads. */
    public static AttributeValue epochSeconds(Instant value) {
        return n(value.getEpochSecond());
    }

    /** Writes {@code value.toString()} when the value is present. */
    public static void put(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    public static void put(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, time(value));
        }
    }

    public static void put(Map<String, AttributeValue> item, String name, Long value) {
        if (value != null) {
            item.put(name, n(value));
        }
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    public static Long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Long.parseLong(v.n());
    }

    public static Integer integer(Map<String, AttributeValue> item, String name) {
        Long v = num(item, name);
        return v == null ? null : Math.toIntExact(v);
    }

    /** A counter: 0 when the attribute was never added to. */
    public static long count(Map<String, AttributeValue> item, String name) {
        Long v = num(item, name);
        return v == null ? 0 : v;
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static <E extends Enum<E>> E enumOf(Map<String, AttributeValue> item, String name, Class<E> type) {
        String v = str(item, name);
        return v == null ? null : Enum.valueOf(type, v);
    }
}

package io.kefu.capacity;

import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it ("DynamoDB item sizes and formats",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html): the sum of the
 * attribute names' UTF-8 bytes and their values'. Strings count UTF-8 bytes (not UTF-16 units, as dynalite does:
 * a Chinese character is 3 bytes here, 1 there); numbers about 1 byte per two significant digits + 1; binary its
 * raw bytes (not the base64 sent on the wire); null and booleans 1; a list or map 3 bytes plus 1 per element plus
 * its elements (a map element also counts its name); a set the sum of its elements.
 */
public final class ItemSize {
    /** DynamoDB's item size limit, 400 KB (1 KB = 1,024 bytes). */
    public static final long MAX_ITEM_BYTES = 400L * 1024;

    private ItemSize() {}

    public static long of(Map<String, AttributeValue> item) {
        long total = 0;
        if (item != null) {
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                total += attribute(e.getKey(), e.getValue());
            }
        }
        return total;
    }

    /** One attribute: its name plus its value. */
    public static long attribute(String name, AttributeValue value) {
        return utf8(name) + value(value);
    }

    /** A value without a name (an element of a list). */
    public static long value(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return number(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasL()) {
            long size = 3;
            for (AttributeValue element : v.l()) {
                size += 1 + value(element);
            }
            return size;
        }
        if (v.hasM()) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + attribute(e.getKey(), e.getValue());
            }
            return size;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(ItemSize::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(ItemSize::number).sum();
        }
        if (v.hasBs()) {
            return v.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
        }
        return 0;
    }

    /** (1 byte per two significant digits) + 1, leading and trailing zeros trimmed; a minus sign adds one. */
    static long number(String text) {
        BigDecimal n = new BigDecimal(text.trim());
        int digits = n.signum() == 0 ? 1 : n.stripTrailingZeros().precision();
        return (digits + 1) / 2 + 1 + (n.signum() < 0 ? 1 : 0);
    }

    static long utf8(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;   // BMP, and a lone surrogate as the encoder's replacement character
            }
        }
        return bytes;
    }
}

package io.kefu.capacity;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Capacity units by DynamoDB's rules (on-demand request units are counted the same way):
 * <ul>
 *   <li>write: 1 unit per 1 KB of the larger of the item before and after the write, at least 1, for the table,
 *       plus for every global secondary index the item is in before or after: a put or a delete of the index entry
 *       (index keys + table keys + projected attributes) at 1 unit per KB; 2 writes (delete + put) when the index key
 *       changed; one when only projected attributes changed; none when the entry is unchanged or the item is in the
 *       index neither before nor after (sparse indexes). A failed condition still costs the table's units;</li>
 *   <li>read: 1 unit per 4 KB, at least 1, strongly consistent; half of that eventually consistent. A Query sums the
 *       sizes of every item it evaluates (before filters) and rounds once; a BatchGetItem rounds every item.</li>
 * </ul>
 * Sources: "Capacity unit consumption for write operations" / "... read operations"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html) and "Provisioned
 * throughput considerations for global secondary indexes" (.../developerguide/GSI.html#GSI.Writes). Transactions
 * (2x) are not used by this project.
 */
public final class Capacity {
    public static final long WRITE_UNIT_BYTES = 1024;
    public static final long READ_UNIT_BYTES = 4096;

    private Capacity() {}

    public static long writeUnits(long bytes) {
        return Math.max(1, ceilDiv(bytes, WRITE_UNIT_BYTES));
    }

    public static double readUnits(long bytes, boolean consistent) {
        long units = Math.max(1, ceilDiv(bytes, READ_UNIT_BYTES));
        return consistent ? units : units / 2.0;
    }

    /**
     * Units of one item write, keyed by the table's name and by "table/index" for each index that is written.
     * {@code before} / {@code after}: the item before and after (null when absent); equal images for a write whose
     * condition failed.
     */
    public static Map<String, Long> write(TableShape table, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Map<String, Long> units = new LinkedHashMap<>();
        units.put(table.name(), writeUnits(Math.max(ItemSize.of(before), ItemSize.of(after))));
        for (TableShape.Index index : table.indexes()) {
            long u = indexWrite(table, index, before, after);
            if (u > 0) {
                units.put(table.name() + "/" + index.name(), u);
            }
        }
        return units;
    }

    static long indexWrite(TableShape table, TableShape.Index index, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        boolean was = index.holds(before);
        boolean is = index.holds(after);
        if (!was && !is) {
            return 0;
        }
        if (!was) {
            return writeUnits(ItemSize.of(index.entry(after, table.key())));
        }
        Map<String, AttributeValue> old = index.entry(before, table.key());
        if (!is) {
            return writeUnits(ItemSize.of(old));
        }
        Map<String, AttributeValue> now = index.entry(after, table.key());
        if (!index.sameKey(before, after)) {
            return writeUnits(ItemSize.of(old)) + writeUnits(ItemSize.of(now));
        }
        return old.equals(now) ? 0 : writeUnits(Math.max(ItemSize.of(old), ItemSize.of(now)));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}

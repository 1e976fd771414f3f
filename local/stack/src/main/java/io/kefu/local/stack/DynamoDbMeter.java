package io.kefu.local.stack;

import io.kefu.capacity.Capacity;
import io.kefu.capacity.ItemSize;
import io.kefu.capacity.TableShape;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Capacity units of the requests that really went to the emulator, by DynamoDB's rules ({@link Capacity}), from the
 * items before and after every write and the items every read evaluated ({@link DynamoDbRules} captures them).
 * Counters are keyed "table" and "table/index"; reads are counted in read units (eventual = 0.5 per 4 KB).
 */
public final class DynamoDbMeter {
    private final Function<String, TableShape> shapes;
    private final Map<String, DoubleAdder> writeUnits = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> readUnits = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> itemBytesWritten = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> itemsWritten = new ConcurrentHashMap<>();
    private volatile boolean paused;

    /** @param shapes the key schema and indexes of a table by its name; null for tables it should not meter */
    public DynamoDbMeter(Function<String, TableShape> shapes) {
        this.shapes = shapes;
    }

    public TableShape shape(String table) {
        return shapes.apply(table);
    }

    /** Stops counting (e.g. while timing handlers, since metering adds reads of the before/after items). */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean active() {
        return !paused;
    }

    void write(String table, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        TableShape shape = shapes.apply(table);
        if (shape == null || paused) {
            return;
        }
        Capacity.write(shape, before, after).forEach((target, units) -> add(writeUnits, target, units));
        if (after != null && after != before) {
            add(itemBytesWritten, table, ItemSize.of(after));
            add(itemsWritten, table, 1);
        }
    }

    void read(String target, long bytes, boolean consistent) {
        if (!paused) {
            add(readUnits, target, Capacity.readUnits(bytes, consistent));
        }
    }

    /** Units so far: "W table", "W table/index", "R table" (or "R table/index"), "bytes table", "items table". */
    public Map<String, Double> snapshot() {
        Map<String, Double> out = new TreeMap<>();
        writeUnits.forEach((k, v) -> out.put("W " + k, v.sum()));
        readUnits.forEach((k, v) -> out.put("R " + k, v.sum()));
        itemBytesWritten.forEach((k, v) -> out.put("bytes " + k, v.sum()));
        itemsWritten.forEach((k, v) -> out.put("items " + k, v.sum()));
        return out;
    }

    private static void add(Map<String, DoubleAdder> counters, String key, double amount) {
        counters.computeIfAbsent(key, k -> new DoubleAdder()).add(amount);
    }
}

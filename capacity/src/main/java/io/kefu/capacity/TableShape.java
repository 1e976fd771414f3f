package io.kefu.capacity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What capacity depends on besides the item: a table's key attributes and its global secondary indexes with their
 * projections (as the template declares them).
 */
public record TableShape(String name, List<String> key, List<Index> indexes) {
    public enum Projection { ALL, KEYS_ONLY, INCLUDE }

    public record Index(String name, List<String> key, Projection projection, Set<String> include) {
        public Index {
            include = include == null ? Set.of() : Set.copyOf(include);
        }

        /** Sparse indexes: an item is in the index only when it has every index key attribute. */
        public boolean holds(Map<String, AttributeValue> item) {
            return item != null && key.stream().allMatch(item::containsKey);
        }

        /** The index entry of an item: index keys, table keys and the projected attributes. */
        public Map<String, AttributeValue> entry(Map<String, AttributeValue> item, List<String> tableKey) {
            if (projection == Projection.ALL) {
                return item;
            }
            Map<String, AttributeValue> out = new HashMap<>();
            item.forEach((name, value) -> {
                if (key.contains(name) || tableKey.contains(name) || include.contains(name)) {
                    out.put(name, value);
                }
            });
            return out;
        }

        boolean sameKey(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
            return key.stream().allMatch(k -> Objects.equals(a.get(k), b.get(k)));
        }
    }

    public Index index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no index " + indexName + " on " + name));
    }
}

package io.kefu.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The calculator against the rules and worked examples of AWS's documentation:
 * [sizes] "DynamoDB item sizes and formats", docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html;
 * [rw] "DynamoDB read and write operations" (capacity unit consumption), .../developerguide/read-write-operations.html;
 * [gsi] "Provisioned throughput considerations for global secondary indexes", .../developerguide/GSI.html#GSI.Writes;
 * [price] the provisioned-capacity pricing page's examples, aws.amazon.com/dynamodb/pricing/provisioned/.
 */
class CapacityRulesTest {
    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    @Test
    void stringsCountNameAndValueInUtf8Bytes() {   // [sizes] "(UTF-8 bytes of attribute name) + (UTF-8 bytes)"
        assertThat(ItemSize.of(Map.of("pk", s("abc")))).isEqualTo(2 + 3);
        String promise = "我会尽快给您回复";   // 8 characters: 8 UTF-16 units (what dynalite counts), 24 UTF-8 bytes
        assertThat(ItemSize.of(Map.of("t", s(promise)))).isEqualTo(1 + 24)
                .isEqualTo(1 + promise.getBytes(StandardCharsets.UTF_8).length);
        assertThat(ItemSize.of(Map.of("名", s("😀")))).isEqualTo(3 + 4);   // a name is UTF-8 too; astral = 4 bytes
    }

    @Test
    void numbersAreOneBytePerTwoSignificantDigitsPlusOne() {   // [sizes] leading and trailing zeroes trimmed
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("27")))).isEqualTo(1 + 2);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("12345")))).isEqualTo(1 + 4);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("1000000")))).isEqualTo(1 + 2);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("000.120")))).isEqualTo(1 + 2);
    }

    @Test
    void binaryCountsRawBytesNotBase64() {   // [sizes] "the value's raw byte length is used"
        assertThat(ItemSize.of(Map.of("gz", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[300]))))).isEqualTo(2 + 300);
    }

    @Test
    void nullAndBooleanAreOneByte() {   // [sizes]
        assertThat(ItemSize.of(Map.of("ok", AttributeValue.fromBool(true), "x", AttributeValue.fromNul(true)))).isEqualTo(3 + 2);
    }

    @Test
    void listsAndMapsHaveThreeBytesPlusOnePerElement() {   // [sizes] empty = name + 3; each element + 1
        assertThat(ItemSize.of(Map.of("l", AttributeValue.fromL(List.of())))).isEqualTo(1 + 3);
        assertThat(ItemSize.of(Map.of("m", AttributeValue.fromM(Map.of())))).isEqualTo(1 + 3);
        assertThat(ItemSize.of(Map.of("l", AttributeValue.fromL(List.of(s("ab"), s("c")))))).isEqualTo(1 + 3 + (1 + 2) + (1 + 1));
        assertThat(ItemSize.of(Map.of("m", AttributeValue.fromM(Map.of("k", s("vv")))))).isEqualTo(1 + 3 + 1 + (1 + 2));
        assertThat(ItemSize.of(Map.of("ss", AttributeValue.fromSs(List.of("a", "bb"))))).isEqualTo(2 + 3);
    }

    @Test
    void readsRoundUpTo4KbAndEventualReadsCostHalf() {   // [rw]
        assertThat(Capacity.readUnits(3_500, true)).isEqualTo(1.0);   // "reading a 3,500-byte item ... same as a 4 KB item"
        assertThat(Capacity.readUnits(8 * 1024, true)).isEqualTo(2.0);   // "8 KB ... 2 read units ... strongly consistent"
        assertThat(Capacity.readUnits(8 * 1024, false)).isEqualTo(1.0);   // "... 1 read unit if eventually consistent"
        assertThat(Capacity.readUnits(10 * 1024, true)).isEqualTo(3.0);   // GetItem "10 KB item ... rounds to 12 KB"
        // BatchGetItem "1.5 KB and 6.5 KB ... calculates the size as 12 KB (4 KB + 8 KB)", not 8 KB:
        assertThat(Capacity.readUnits(1536, true) + Capacity.readUnits(6656, true)).isEqualTo(3.0);
        assertThat(Capacity.readUnits(1536 + 6656, true)).isEqualTo(2.0);   // what a Query of the two would cost
        assertThat(Capacity.readUnits(0, false)).isEqualTo(0.5);   // a read of nothing still costs its minimum
    }

    @Test
    void writesRoundUpTo1Kb() {   // [price] "a standard write request of a 3 KB item would require three WCUs"
        assertThat(Capacity.writeUnits(1024)).isEqualTo(1);
        assertThat(Capacity.writeUnits(3 * 1024)).isEqualTo(3);
        assertThat(Capacity.writeUnits(1025)).isEqualTo(2);
        assertThat(Capacity.writeUnits(0)).isEqualTo(1);
    }

    private static final TableShape TABLE = new TableShape("t", List.of("pk", "sk"), List.of(
            new TableShape.Index("ByAll", List.of("g1"), TableShape.Projection.ALL, null),
            new TableShape.Index("ByKeys", List.of("g2"), TableShape.Projection.KEYS_ONLY, null),
            new TableShape.Index("ByInclude", List.of("g3"), TableShape.Projection.INCLUDE, Set.of("score"))));

    @Test
    void indexWritesFollowTheGsiRules() {   // [gsi]
        String big = "x".repeat(3000);
        Map<String, AttributeValue> item = Map.of("pk", s("p"), "sk", s("s"), "g1", s("a"), "g2", s("b"), "g3", s("c"),
                "score", AttributeValue.fromN("80"), "blob", s(big));
        // a new item: the table (3 KB) + one put per index; ALL copies the 3 KB, the others only keys (+ score)
        assertThat(Capacity.write(TABLE, null, item)).isEqualTo(Map.of("t", 3L, "t/ByAll", 3L, "t/ByKeys", 1L, "t/ByInclude", 1L));
        // sparse: no g2/g3 -> no writes to those indexes
        Map<String, AttributeValue> sparse = Map.of("pk", s("p"), "sk", s("s"), "g1", s("a"));
        assertThat(Capacity.write(TABLE, null, sparse)).isEqualTo(Map.of("t", 1L, "t/ByAll", 1L));
        // an index key changes from A to B: delete + put = 2 writes
        Map<String, AttributeValue> moved = new java.util.HashMap<>(item);
        moved.put("g2", s("B"));
        assertThat(Capacity.write(TABLE, item, moved).get("t/ByKeys")).isEqualTo(2L);
        // the key attribute removed: one write (the delete); a non-projected attribute changed: nothing for KEYS_ONLY
        Map<String, AttributeValue> removed = new java.util.HashMap<>(item);
        removed.remove("g3");
        removed.put("blob", s("y"));
        Map<String, Long> units = Capacity.write(TABLE, item, removed);
        assertThat(units.get("t/ByInclude")).isEqualTo(1L);
        assertThat(units).doesNotContainKey("t/ByKeys");
        assertThat(units.get("t")).isEqualTo(3L);   // the larger of before and after
        // only a projected attribute changed: one write to the INCLUDE index
        Map<String, AttributeValue> rescored = new java.util.HashMap<>(item);
        rescored.put("score", AttributeValue.fromN("90"));
        assertThat(Capacity.write(TABLE, item, rescored).get("t/ByInclude")).isEqualTo(1L);
        // a delete of an item that does not exist still costs 1
        assertThat(Capacity.write(TABLE, null, null)).isEqualTo(Map.of("t", 1L));
    }
}

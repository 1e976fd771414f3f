package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.Specs;
import io.kefu.shared.domain.Retention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every table the template gives a TTL holds items that carry it: after the mixed flow (chats, shipment journeys,
 * care cases, surveys and answers), each item of such a table has a numeric {@code ttl} after now and within the
 * longest retention ({@link Retention}), except the kinds kept for ever on purpose (customer preferences: opt-outs
 * must not lapse; the QA team registry) and surveys still live (their ttl comes when they are final).
 */
class RetentionTest {
    @Test
    void everyItemOfATableWithTtlCarriesItsRetention() {
        try (LogCapture ignored = LogCapture.discarding(); Rig rig = Rig.fresh().build()) {
            new Flow("ret", 4, 6, 6).run(rig, Flow.CLEAN);
            Instant now = rig.runtime.clock().instant();
            long longest = 0;
            for (Retention r : Retention.values()) {
                longest = Math.max(longest, r.keep().getSeconds());
            }
            Map<String, String> figures = new TreeMap<>();
            List<String> missing = new ArrayList<>();
            for (Specs.TableSpec table : rig.stack.template().tables()) {
                if (table.ttlAttribute().isEmpty()) {
                    continue;
                }
                String attribute = table.ttlAttribute().get();
                int items = 0;
                int withTtl = 0;
                int keptForEver = 0;
                for (Map<String, AttributeValue> item : rig.stack.dynamoDb().scan(b -> b.tableName(table.name())).items()) {
                    items++;
                    if (keptForEver(item)) {
                        keptForEver++;
                        continue;
                    }
                    AttributeValue ttl = item.get(attribute);
                    if (ttl == null || ttl.n() == null) {
                        missing.add(table.logicalId() + " " + item.get("pk").s() + " " + item.get("sk").s() + " "
                                + (item.containsKey("status") ? item.get("status").s() : "") + " "
                                + item.containsKey("gsi1pk"));
                        continue;
                    }
                    long at = Long.parseLong(ttl.n());
                    assertThat(at).as(table.logicalId() + " " + item.get("sk").s())
                            .isGreaterThan(now.getEpochSecond() - longest)
                            .isLessThanOrEqualTo(now.getEpochSecond() + longest);
                    withTtl++;
                }
                assertThat(items).as(table.logicalId() + " has items after the flow").isPositive();
                figures.put(table.logicalId(), withTtl + "/" + items + (keptForEver > 0 ? " (" + keptForEver + " exempt)" : ""));
            }
            assertThat(missing).as("items without ttl in a TTL table").isEmpty();
            ignored.console().println("RELIABILITY retention itemsWithTtl" + figures);
        }
    }

    /**
     * Preferences and the team registry are kept for ever; a survey still waiting for its next action (in the
     * DueByTime index) gets its ttl when it becomes final, which every survey does (it expires at the latest).
     */
    private static boolean keptForEver(Map<String, AttributeValue> item) {
        String sk = item.get("sk").s();
        AttributeValue type = item.get("type");
        return "PREFERENCES".equals(sk) || (type != null && "QA_TEAM_REGISTRY".equals(type.s()))
                || ("SURVEY".equals(sk) && item.containsKey("gsi1pk"));
    }
}

package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.DynamoDbMeter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's acceptance line as a test, not only a benchmark figure: the ten sample chats scored through the real
 * ScoreTranscript handler on the embedded stack cost at most 5 write units each on average, table and every index
 * included, as DynamoDB bills them ({@link DynamoDbMeter}, the meter WarmCostBench uses; docs/benchmarks.md §3 has
 * the side-by-side run and the cost per million).
 */
class ScoreWriteUnitsTest {
    @Test
    void aScoredSampleChatCostsAtMostFiveWriteUnitsWithAllIndexes() {
        List<String> samples = Samples.all("transcripts");
        assertThat(samples).hasSize(10);
        try (Rig rig = Rig.fresh().build()) {
            DynamoDbMeter meter = new DynamoDbMeter(rig.stack.tableShapes()::get);
            rig.stack.dynamoDbRules().meter(meter);
            try {
                rig.sendAll("TranscriptsQueue", samples);
                rig.drain();
            } finally {
                rig.stack.dynamoDbRules().meter(null);
            }
            String table = rig.stack.tableName("QaScoresTable");
            Map<String, Double> units = meter.snapshot();
            double writes = units.entrySet().stream()
                    .filter(e -> e.getKey().equals("W " + table) || e.getKey().startsWith("W " + table + "/"))
                    .mapToDouble(Map.Entry::getValue).sum();
            assertThat(units).as("the indexes were metered too").containsKey("W " + table + "/ByAgent");
            assertThat(rig.effects.messages("TranscriptsDlq")).isEmpty();
            assertThat(writes / samples.size()).as("write units per scored chat " + units).isGreaterThan(1.0).isLessThanOrEqualTo(5.0);
        }
    }
}

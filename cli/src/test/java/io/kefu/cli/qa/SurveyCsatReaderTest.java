package io.kefu.cli.qa;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.LocalAwsStack;
import io.kefu.shared.app.qa.AgentCsat;
import io.kefu.shared.aws.qa.SurveyCsatReader;
import io.kefu.shared.aws.survey.DynamoAggregateStore;
import io.kefu.shared.domain.survey.DailyAggregate;
import io.kefu.shared.survey.AggregateStore;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The QA report's CSAT reader against what the survey function's own aggregate store writes. */
class SurveyCsatReaderTest {
    @Test
    void readsTheSurveyStoresCellsSummedPerAgentAcrossKindsAndDays() {
        LocalAwsStack stack = LocalAwsStack.isolated();
        String table = stack.tableName("SurveyAggregatesTable");
        var writer = new DynamoAggregateStore(stack.dynamoDb(), table);
        LocalDate d1 = LocalDate.parse("2026-11-11");
        LocalDate d2 = LocalDate.parse("2026-11-12");
        writer.add(new AggregateStore.Cell(d1, "POST_CHAT", "tmall-flagship-cs", "agent-007"), "s1", new DailyAggregate(1, 5, 1, 0, 0, 0));
        writer.add(new AggregateStore.Cell(d1, "POST_CHAT", "tmall-flagship-cs", "agent-007"), "s2", new DailyAggregate(1, 2, 0, 0, 0, 0));
        writer.add(new AggregateStore.Cell(d2, "POST_DELIVERY", "tmall-flagship-cs", "agent-007"), "s3", new DailyAggregate(1, 4, 1, 1, 1, 0));
        writer.add(new AggregateStore.Cell(d2, "POST_DELIVERY", "-", "-"), "s4", new DailyAggregate(1, 1, 0, 0, 0, 0));
        writer.add(new AggregateStore.Cell(LocalDate.parse("2026-11-20"), "POST_CHAT", "t", "agent-007"), "s5", new DailyAggregate(1, 1, 0, 0, 0, 0));

        Map<String, AgentCsat> csat = new SurveyCsatReader(stack.dynamoDb(), table).byAgent(d1, d2);

        assertThat(csat).containsOnlyKeys("agent-007");
        assertThat(csat.get("agent-007")).isEqualTo(new AgentCsat("agent-007", 3, 11, 2));
        assertThat(csat.get("agent-007").csatPercent()).isCloseTo(66.7, org.assertj.core.data.Offset.offset(0.1));
    }
}

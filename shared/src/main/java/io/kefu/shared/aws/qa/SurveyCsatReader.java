package io.kefu.shared.aws.qa;

import io.kefu.shared.app.qa.AgentCsat;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads the survey engineer's SurveyAggregatesTable layout: one item per day and cell,
 * pk {@code DAY#yyyy-MM-dd}, sk {@code KIND#k#TEAM#t#AGENT#a}, attributes agent, responses, csatSum,
 * csat4or5 (numbers). One Query per day (no scan); cells are summed per agent over every survey kind.
 * Cells without an agent ("-") are left out: they say nothing about an agent's QA.
 */
public final class SurveyCsatReader {
    private final DynamoDbClient dynamo;
    private final String table;

    public SurveyCsatReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Per agent, summed over days [first, last]. */
    public Map<String, AgentCsat> byAgent(LocalDate first, LocalDate last) {
        Map<String, AgentCsat> out = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            String pk = "DAY#" + d;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk))).exclusiveStartKey(from));
                for (Map<String, AttributeValue> i : page.items()) {
                    String agent = i.containsKey("agent") ? i.get("agent").s() : null;
                    if (agent == null || agent.isBlank() || agent.equals("-")) {
                        continue;
                    }
                    out.merge(agent, new AgentCsat(agent, num(i, "responses"), num(i, "csatSum"), num(i, "csat4or5")), AgentCsat::plus);
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return out;
    }

    private static long num(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}

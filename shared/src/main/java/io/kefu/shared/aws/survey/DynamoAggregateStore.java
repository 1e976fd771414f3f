package io.kefu.shared.aws.survey;

import static io.kefu.shared.aws.Attrs.count;
import static io.kefu.shared.aws.Attrs.n;
import static io.kefu.shared.aws.Attrs.s;
import static io.kefu.shared.aws.Attrs.str;

import io.kefu.shared.domain.survey.DailyAggregate;
import io.kefu.shared.survey.AggregateStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * SurveyAggregatesTable: one item per cell, pk=DAY#yyyy-MM-dd, sk=KIND#k#TEAM#t#AGENT#a, with
 * atomic ADD counters. A day's report is one Query on its pk; begins_with on the sort key narrows it
 * to a kind or a kind+team. One item per answer (not three: agent, team, kind) means one write
 * decides whether an answer counted. That write also puts the survey id in the cell's {@code counting} set
 * (only if it is not there: idempotent), and {@link #settle} takes it out once the survey is marked
 * AGGREGATED, so the set holds only answers in flight and the item stays small however many answers a
 * cell gets (post-delivery answers, with no team or agent, all share one cell a day).
 */
public final class DynamoAggregateStore implements AggregateStore {
    /** Every attribute by placeholder: several plain words (agent, day, ...) are DynamoDB reserved words. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("#responses", "responses"), Map.entry("#csatSum", "csatSum"), Map.entry("#csat4or5", "csat4or5"),
            Map.entry("#npsResponses", "npsResponses"), Map.entry("#promoters", "promoters"),
            Map.entry("#detractors", "detractors"), Map.entry("#counting", "counting"), Map.entry("#day", "day"),
            Map.entry("#kind", "kind"), Map.entry("#team", "team"), Map.entry("#agent", "agent"));

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAggregateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean add(Cell cell, String surveyId, DailyAggregate d) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sid", s(surveyId));
        values.put(":sids", AttributeValue.fromSs(List.of(surveyId)));
        values.put(":r", n(d.responses()));
        values.put(":cs", n(d.csatSum()));
        values.put(":c45", n(d.csat4or5()));
        values.put(":nr", n(d.npsResponses()));
        values.put(":pro", n(d.promoters()));
        values.put(":det", n(d.detractors()));
        values.put(":day", s(cell.day().toString()));
        values.put(":kind", s(cell.kind()));
        values.put(":team", s(cell.team()));
        values.put(":agent", s(cell.agent()));
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(pk(cell.day())), "sk", s(sk(cell))))
                    .updateExpression("ADD #responses :r, #csatSum :cs, #csat4or5 :c45, #npsResponses :nr, "
                            + "#promoters :pro, #detractors :det, #counting :sids "
                            + "SET #day = :day, #kind = :kind, #team = :team, #agent = :agent")
                    .conditionExpression("attribute_not_exists(#counting) OR NOT contains(#counting, :sid)")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyCounted) {
            return false;
        }
    }

    @Override
    public void settle(Cell cell, String surveyId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(pk(cell.day())), "sk", s(sk(cell))))
                    .updateExpression("DELETE #counting :sids")
                    .conditionExpression("attribute_exists(pk)") // never create a cell just to settle it
                    .expressionAttributeNames(Map.of("#counting", "counting"))
                    .expressionAttributeValues(Map.of(":sids", AttributeValue.fromSs(List.of(surveyId)))));
        } catch (ConditionalCheckFailedException noCell) {
            // nothing to settle
        }
    }

    @Override
    public Map<Cell, DailyAggregate> day(LocalDate day) {
        Map<Cell, DailyAggregate> cells = new LinkedHashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> {
                b.tableName(table).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s(pk(day))));
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            for (Map<String, AttributeValue> i : page.items()) {
                cells.put(new Cell(day, str(i, "kind"), str(i, "team"), str(i, "agent")),
                        new DailyAggregate(count(i, "responses"), count(i, "csatSum"), count(i, "csat4or5"),
                                count(i, "npsResponses"), count(i, "promoters"), count(i, "detractors")));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return cells;
    }

    private static String pk(LocalDate day) {
        return "DAY#" + day;
    }

    private static String sk(Cell cell) {
        return "KIND#" + cell.kind() + "#TEAM#" + cell.team() + "#AGENT#" + cell.agent();
    }
}

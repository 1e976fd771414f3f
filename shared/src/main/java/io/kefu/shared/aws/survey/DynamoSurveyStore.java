package io.kefu.shared.aws.survey;

import static io.kefu.shared.aws.Attrs.epochSeconds;
import static io.kefu.shared.aws.Attrs.instant;
import static io.kefu.shared.aws.Attrs.integer;
import static io.kefu.shared.aws.Attrs.n;
import static io.kefu.shared.aws.Attrs.put;
import static io.kefu.shared.aws.Attrs.s;
import static io.kefu.shared.aws.Attrs.str;
import static io.kefu.shared.aws.Attrs.time;

import io.kefu.shared.aws.DynamoLease;
import io.kefu.shared.domain.Retention;
import io.kefu.shared.domain.SortableTime;
import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.survey.FatigueRule;
import io.kefu.shared.domain.survey.Survey;
import io.kefu.shared.domain.survey.SurveyAnswer;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.domain.survey.SurveyKind;
import io.kefu.shared.domain.survey.SurveyStatus;
import io.kefu.shared.domain.survey.Topic;
import io.kefu.shared.effects.Lease;
import io.kefu.shared.survey.RecordedAnswer;
import io.kefu.shared.survey.SurveyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * SurveysTable. Items (see docs/survey-policy.md, "Storage"):
 * <ul>
 *   <li>survey: pk=SURVEY#id, sk=SURVEY; gsi1pk=DUE#shard + gsi1sk=next action time only while an
 *       action is pending (sparse DueByTime); gsi2pk=CUSTOMER#id, gsi2sk=requestedAt#id (ByCustomer)</li>
 *   <li>customer window: pk=CUSTOMER#id, sk=SURVEY_WINDOW; holder survey, priority, windowUntil</li>
 *   <li>token: pk=TOKEN#sha256(token), sk=TOKEN; surveyId, customerId (the token itself is never stored)</li>
 * </ul>
 * Every state change is one UpdateItem with a condition on the current status, which is what lets
 * two dispatchers or a redelivery race safely.
 */
public final class DynamoSurveyStore implements SurveyStore {
    static final String DUE_INDEX = "DueByTime";
    private static final String SURVEY_SK = "SURVEY";
    private static final String WINDOW_SK = "SURVEY_WINDOW";
    private static final String TOKEN_SK = "TOKEN";
    /** Keep items a while after they stop mattering, for reports and support questions. */

    private final DynamoDbClient dynamo;
    private final String table;
    private final int shards;
    private final Clock clock;

    public DynamoSurveyStore(DynamoDbClient dynamo, String table, int dueShards, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.shards = dueShards;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<Survey> find(String surveyId) {
        return item(surveyKey(surveyId)).map(DynamoSurveyStore::toSurvey);
    }

    @Override
    public Optional<RecordedAnswer> answer(String surveyId) {
        return item(surveyKey(surveyId)).filter(i -> i.containsKey("csat")).map(i -> {
            Map<Topic, Integer> topics = new EnumMap<>(Topic.class);
            AttributeValue ratings = i.get("topicRatings");
            if (ratings != null && ratings.hasM()) {
                ratings.m().forEach((topic, v) -> topics.put(Topic.valueOf(topic), Integer.valueOf(v.n())));
            }
            SurveyAnswer answer = new SurveyAnswer(integer(i, "csat"), integer(i, "nps"), str(i, "comment"), topics);
            return new RecordedAnswer(answer, instant(i, "answeredAt"), str(i, "answerMessageId"), str(i, "answerHash"));
        });
    }

    @Override
    public Optional<FatigueRule.Holder> windowHolder(String customerId) {
        return item(windowKey(customerId)).map(w -> {
            String holderId = str(w, "holderSurveyId");
            // A claim whose survey item is not written yet (crash in between) still counts as scheduled.
            SurveyStatus status = find(holderId).map(Survey::status).orElse(SurveyStatus.SCHEDULED);
            return new FatigueRule.Holder(holderId, integer(w, "holderPriority"), instant(w, "windowUntil"), status);
        });
    }

    @Override
    public List<Survey> dueBy(int shard, Instant horizon, int limit) {
        List<Survey> due = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(DUE_INDEX)
                    .keyConditionExpression("gsi1pk = :p AND gsi1sk <= :h")
                    .expressionAttributeValues(Map.of(":p", s("DUE#" + shard), ":h", time(horizon)))
                    .limit(limit - due.size());
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(i -> due.add(toSurvey(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && due.size() < limit);
        return due;
    }

    @Override
    public Optional<TokenOwner> findToken(String tokenHash) {
        return item(Map.of("pk", s("TOKEN#" + tokenHash), "sk", s(TOKEN_SK)))
                .map(i -> new TokenOwner(str(i, "surveyId"), str(i, "customerId")));
    }

    // ------------------------------------------------------------------ inserts

    @Override
    public Optional<String> requestHash(String surveyId) {
        return item(surveyKey(surveyId)).map(i -> str(i, "requestHash"));
    }

    @Override
    public boolean create(Survey survey, String requestHash) {
        Map<String, AttributeValue> item = new HashMap<>(surveyKey(survey.surveyId()));
        put(item, "requestHash", requestHash);
        item.put("surveyId", s(survey.surveyId()));
        item.put("requestId", s(survey.requestId()));
        item.put("kind", s(survey.kind().name()));
        item.put("status", s(survey.status().name()));
        item.put("customerId", s(survey.customerId()));
        put(item, "subjectId", survey.subjectId());
        put(item, "orderId", survey.orderId());
        put(item, "agentId", survey.agentId());
        put(item, "team", survey.team());
        put(item, "locale", survey.locale());
        put(item, "channel", survey.channel() == null ? null : survey.channel().name());
        put(item, "requestedAt", survey.requestedAt());
        put(item, "dueAt", survey.dueAt());
        put(item, "skipReason", survey.skipReason());
        item.put("gsi2pk", s("CUSTOMER#" + survey.customerId()));
        item.put("gsi2sk", s(SortableTime.format(survey.requestedAt()) + "#" + survey.surveyId()));
        if (survey.status() == SurveyStatus.SCHEDULED) {
            item.put("gsi1pk", s(dueShard(survey.surveyId())));
            item.put("gsi1sk", time(survey.dueAt()));
        } else {
            item.put("ttl", epochSeconds(Retention.SURVEY.expiry(survey.dueAt())));
        }
        return conditional(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")));
    }

    @Override
    public boolean claimWindow(String customerId, String expectedHolderId, FatigueRule.Holder next) {
        Map<String, AttributeValue> item = new HashMap<>(windowKey(customerId));
        item.put("holderSurveyId", s(next.surveyId()));
        item.put("holderPriority", n(next.priority()));
        item.put("windowUntil", time(next.windowUntil()));
        item.put("ttl", epochSeconds(Retention.SURVEY_FATIGUE.expiry(next.windowUntil())));
        return conditional(() -> dynamo.putItem(b -> {
            b.tableName(table).item(item);
            if (expectedHolderId == null) {
                b.conditionExpression("attribute_not_exists(pk)");
            } else {
                b.conditionExpression("holderSurveyId = :expected")
                        .expressionAttributeValues(Map.of(":expected", s(expectedHolderId)));
            }
        }));
    }

    @Override
    public void saveToken(String tokenHash, String surveyId, String customerId, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("TOKEN#" + tokenHash));
        item.put("sk", s(TOKEN_SK));
        item.put("surveyId", s(surveyId));
        item.put("customerId", s(customerId));
        // Kept past expiry so a late answer is told "expired" rather than "unknown".
        item.put("ttl", epochSeconds(Retention.SURVEY_TOKEN.expiry(expiresAt)));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    // ------------------------------------------------------------------ transitions

    @Override
    public boolean supersede(String surveyId, String bySurveyId) {
        return update(surveyId, "SET #st = :to, supersededBy = :by, #ttl = :ttl REMOVE gsi1pk, gsi1sk",
                "#st = :from", Map.of(":to", s("SUPERSEDED"), ":by", s(bySurveyId), ":from", s("SCHEDULED"),
                        ":ttl", epochSeconds(Retention.SURVEY.expiry(clock.instant()))));
    }

    @Override
    public boolean cancel(String surveyId, String reason) {
        return update(surveyId, "SET #st = :to, skipReason = :why, #ttl = :ttl REMOVE gsi1pk, gsi1sk",
                "#st = :from", Map.of(":to", s("CANCELLED"), ":why", s(reason), ":from", s("SCHEDULED"),
                        ":ttl", epochSeconds(Retention.SURVEY.expiry(clock.instant()))));
    }

    @Override
    public boolean reschedule(String surveyId, Instant dueAt) {
        return update(surveyId, "SET dueAt = :due, gsi1sk = :due", "#st = :from",
                Map.of(":due", time(dueAt), ":from", s("SCHEDULED")));
    }

    @Override
    public boolean claimSend(String surveyId, Instant now, Lease lease) {
        // gsi1sk = lease end: if this dispatcher dies, the survey shows up as due again when the lease ends.
        Map<String, AttributeValue> values = new HashMap<>(DynamoLease.claimValues(lease, now));
        values.putAll(Map.of(":to", s("SENDING"), ":scheduled", s("SCHEDULED")));
        return update(surveyId, "SET #st = :to, " + DynamoLease.set() + ", gsi1sk = :leaseUntil",
                "#st = :scheduled OR (#st = :to AND " + DynamoLease.free() + ")", values);
    }

    @Override
    public boolean completeSend(String surveyId, Lease lease, Instant sentAt, Instant remindAt, Instant expiresAt) {
        Instant next = remindAt != null ? remindAt : expiresAt;
        Map<String, AttributeValue> values = new HashMap<>(DynamoLease.ownerValue(lease));
        values.putAll(Map.of(":to", s("SENT"), ":from", s("SENDING"),
                ":sent", time(sentAt), ":exp", time(expiresAt), ":next", time(next)));
        String set = "SET #st = :to, sentAt = :sent, expiresAt = :exp, gsi1sk = :next";
        if (remindAt != null) {
            set += ", remindAt = :remind";
            values.put(":remind", time(remindAt));
        }
        return update(surveyId, set + " REMOVE " + DynamoLease.remove(), "#st = :from AND " + DynamoLease.held(), values);
    }

    @Override
    public void releaseLease(String surveyId, Lease lease, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(DynamoLease.ownerValue(lease));
        values.put(":now", time(now));
        update(surveyId, "SET gsi1sk = :now REMOVE " + DynamoLease.remove(), DynamoLease.held(), values);
    }

    @Override
    public boolean claimReminder(String surveyId, Instant now, Instant horizon, Lease lease) {
        Map<String, AttributeValue> values = new HashMap<>(DynamoLease.claimValues(lease, now));
        values.putAll(Map.of(":to", s("REMINDING"), ":sent", s("SENT"), ":horizon", time(horizon)));
        return update(surveyId, "SET #st = :to, " + DynamoLease.set() + ", gsi1sk = :leaseUntil",
                "(#st = :sent AND remindAt <= :horizon) OR (#st = :to AND " + DynamoLease.free() + ")", values);
    }

    @Override
    public boolean completeReminder(String surveyId, Lease lease, Instant remindedAt) {
        Map<String, AttributeValue> values = new HashMap<>(DynamoLease.ownerValue(lease));
        values.putAll(Map.of(":to", s("REMINDED"), ":from", s("REMINDING"), ":at", time(remindedAt)));
        return update(surveyId, "SET #st = :to, remindedAt = :at, gsi1sk = expiresAt REMOVE " + DynamoLease.remove(),
                "#st = :from AND " + DynamoLease.held(), values);
    }

    @Override
    public boolean expire(String surveyId, Instant now) {
        return update(surveyId, "SET #st = :to, #ttl = :ttl REMOVE gsi1pk, gsi1sk, " + DynamoLease.remove(),
                "expiresAt <= :now AND (#st IN (:sent, :reminded) OR (#st = :reminding AND " + DynamoLease.UNTIL + " < :now))",
                Map.of(":to", s("EXPIRED"), ":sent", s("SENT"), ":reminded", s("REMINDED"), ":reminding", s("REMINDING"),
                        ":now", time(now), ":ttl", epochSeconds(Retention.SURVEY.expiry(now))));
    }

    @Override
    public boolean recordAnswer(String surveyId, SurveyAnswer answer, Instant answeredAt, String sourceMessageId,
                                String payloadHash, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", s("ANSWERED"));
        values.put(":sending", s("SENDING"));
        values.put(":sent", s("SENT"));
        values.put(":reminding", s("REMINDING"));
        values.put(":reminded", s("REMINDED"));
        values.put(":now", time(now));
        values.put(":csat", n(answer.csat()));
        values.put(":at", time(answeredAt));
        values.put(":msg", s(sourceMessageId));
        values.put(":hash", s(payloadHash));
        values.put(":ttl", epochSeconds(Retention.SURVEY.expiry(answeredAt)));
        Map<String, AttributeValue> topics = new HashMap<>();
        answer.topicRatings().forEach((topic, rating) -> topics.put(topic.name(), n(rating)));
        values.put(":topics", AttributeValue.fromM(topics));
        StringBuilder set = new StringBuilder(
                "SET #st = :to, csat = :csat, answeredAt = :at, answerMessageId = :msg, answerHash = :hash, "
                        + "topicRatings = :topics, #ttl = :ttl");
        if (answer.nps() != null) {
            set.append(", nps = :nps");
            values.put(":nps", n(answer.nps()));
        }
        if (answer.comment() != null) {
            set.append(", #comment = :comment");
            values.put(":comment", s(answer.comment()));
        }
        return update(surveyId, set + " REMOVE gsi1pk, gsi1sk, " + DynamoLease.remove(),
                "#st IN (:sending, :sent, :reminding, :reminded) AND (attribute_not_exists(expiresAt) OR expiresAt > :now)",
                values);
    }

    @Override
    public boolean markAggregated(String surveyId) {
        return update(surveyId, "SET #st = :to", "#st = :from", Map.of(":to", s("AGGREGATED"), ":from", s("ANSWERED")));
    }

    // ------------------------------------------------------------------ plumbing

    private boolean update(String surveyId, String updateExpression, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        names.put("#st", "status");
        if (updateExpression.contains("#ttl")) {
            names.put("#ttl", "ttl");
        }
        if (updateExpression.contains("#comment")) {
            names.put("#comment", "comment");
        }
        return conditional(() -> dynamo.updateItem(b -> b.tableName(table).key(surveyKey(surveyId))
                .updateExpression(updateExpression)
                .conditionExpression("attribute_exists(pk) AND (" + condition + ")")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)));
    }

    private static boolean conditional(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private String dueShard(String surveyId) {
        return "DUE#" + SurveyIds.dueShard(surveyId, shards);
    }

    private static Map<String, AttributeValue> surveyKey(String surveyId) {
        return Map.of("pk", s("SURVEY#" + surveyId), "sk", s(SURVEY_SK));
    }

    private static Map<String, AttributeValue> windowKey(String customerId) {
        return Map.of("pk", s("CUSTOMER#" + customerId), "sk", s(WINDOW_SK));
    }

    private static Survey toSurvey(Map<String, AttributeValue> i) {
        String channel = str(i, "channel");
        return new Survey(str(i, "surveyId"), str(i, "requestId"), SurveyKind.valueOf(str(i, "kind")),
                SurveyStatus.valueOf(str(i, "status")), str(i, "customerId"), str(i, "subjectId"),
                str(i, "orderId"), str(i, "agentId"), str(i, "team"), str(i, "locale"),
                channel == null ? null : Channel.valueOf(channel), instant(i, "requestedAt"), instant(i, "dueAt"),
                instant(i, "sentAt"), instant(i, "remindAt"), instant(i, "expiresAt"), instant(i, DynamoLease.UNTIL),
                str(i, "skipReason"));
    }
}

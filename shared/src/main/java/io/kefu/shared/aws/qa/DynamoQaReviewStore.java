package io.kefu.shared.aws.qa;

import io.kefu.shared.app.qa.QaReviewStore;
import io.kefu.shared.app.qa.ReviewRecord;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.domain.Retention;
import io.kefu.shared.domain.SortableTime;
import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ReviewDecision;
import io.kefu.shared.domain.qa.ReviewRejectedException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Reviews in the QaScores table without transactions (dynalite has none):
 * <ol>
 *   <li>PutItem the audit item TRANSCRIPT#id / REVIEW#{at}#{actor} (attribute_not_exists: never overwritten);</li>
 *   <li>UpdateItem the score item, conditioned on the status and reviewVersion the decision was made from:
 *       sets status, reviewedScore, overturnedRules, lastReview and moves gsi3pk to STATUS#{new status}
 *       (ByStatus sorts on closedAt, already on every score item). The
 *       automatic {@code score} is never touched and the automatic status is kept once in {@code autoStatus};</li>
 *   <li>if the condition fails (someone else reviewed first), delete the audit item again and reject.</li>
 * </ol>
 * A crash between 1 and 2 leaves an audit item the score's {@code lastReview} does not point at: `qa show`
 * marks such records "not applied".
 */
public final class DynamoQaReviewStore implements QaReviewStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final QaScoreQueries queries;

    public DynamoQaReviewStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.queries = new QaScoreQueries(dynamo, table);
    }

    @Override
    public Optional<ScoreView> current(String transcriptId) {
        return queries.current(transcriptId);
    }

    @Override
    public ReviewRecord apply(ScoreView current, ReviewDecision d, ReviewRecord audit) {
        Map<String, AttributeValue> auditKey = Map.of("pk", s(QaScoreKeys.pk(audit.transcriptId())),
                "sk", s(QaScoreKeys.reviewSk(audit.at(), audit.actor())));
        Map<String, AttributeValue> item = new HashMap<>(auditKey);
        item.put("type", s("QA_REVIEW"));
        item.put("transcriptId", s(audit.transcriptId()));
        item.put("scoreKey", s(audit.scoreKey()));
        item.put("action", s(audit.action().name()));
        item.put("actor", s(audit.actor()));
        item.put("at", s(SortableTime.format(audit.at())));
        item.put("oldScore", n(audit.oldScore()));
        item.put("newScore", n(audit.newScore()));
        item.put("fromStatus", s(audit.fromStatus()));
        item.put("toStatus", s(audit.toStatus()));
        item.put("autoScore", n(current.autoScore()));
        // kept as long as the score it reviews
        item.put("ttl", AttributeValue.fromN(Long.toString(Retention.QA_SCORE.expiry(current.closedAt()).getEpochSecond())));
        if (audit.reason() != null) {
            item.put("reason", s(audit.reason()));
        }
        if (!audit.overturnedRules().isEmpty()) {
            item.put("overturnedRules", AttributeValue.fromL(audit.overturnedRules().stream().map(DynamoQaReviewStore::s).toList()));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException twice) {
            throw new ReviewRejectedException("a review by " + audit.actor() + " at " + audit.at() + " already exists");
        }
        try {
            updateScore(current, d, audit);
        } catch (ConditionalCheckFailedException lostRace) {
            dynamo.deleteItem(b -> b.tableName(table).key(auditKey));
            throw new ReviewRejectedException("score of " + audit.transcriptId() + " changed meanwhile (reviewed, disputed or re-scored): look again");
        }
        return audit;
    }

    private void updateScore(ScoreView current, ReviewDecision d, ReviewRecord audit) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#auto", "autoStatus",
                "#g3pk", "gsi3pk", "#rv", "reviewVersion", "#last", "lastReview",
                "#superseded", "supersededBy"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", s(d.to().name()));
        values.put(":from", s(d.from().name()));
        values.put(":g3pk", s(QaScoreKeys.status(d.to().name())));
        values.put(":rv", n(current.reviewVersion()));
        values.put(":one", n(1));
        values.put(":zero", n(0));
        values.put(":last", s(QaScoreKeys.reviewSk(audit.at(), audit.actor())));
        StringBuilder set = new StringBuilder("SET #auto = if_not_exists(#auto, #status), #status = :to, #g3pk = :g3pk,"
                + " #rv = if_not_exists(#rv, :zero) + :one, #last = :last");
        if (d.action() != ReviewAction.DISPUTE) {   // a dispute is the agent's word, not a review
            names.put("#reviewed", "reviewedScore");
            names.put("#over", "overturnedRules");
            names.put("#by", "reviewedBy");
            names.put("#at", "reviewedAt");
            values.put(":by", s(audit.actor()));
            values.put(":at", s(SortableTime.format(audit.at())));
            values.put(":score", n(d.newScore()));
            values.put(":over", AttributeValue.fromL(audit.overturnedRules().stream().map(DynamoQaReviewStore::s).toList()));
            set.append(", #reviewed = :score, #over = :over, #by = :by, #at = :at");
        }
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s(QaScoreKeys.pk(current.transcriptId())), "sk", s(current.scoreKey())))
                .updateExpression(set.toString())
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#superseded) AND #status = :from"
                        + " AND (attribute_not_exists(#rv) OR #rv = :rv)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(int v) {
        return AttributeValue.fromN(Integer.toString(v));
    }
}

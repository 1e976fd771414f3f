package io.kefu.shared.aws.qa;

import io.kefu.shared.app.qa.Page;
import io.kefu.shared.app.qa.ReviewRecord;
import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.domain.qa.ScoreStatus;
import io.kefu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * QA leads' reads of the QaScores table, always through a key: an index or a table partition (layout in {@link QaScoreKeys}):
 * <ul>
 *   <li>an agent: ByAgent, one partition, closedAt range in the key condition;</li>
 *   <li>a failed rule: the rule-failure items, one table partition per rule ({@code RULE#<ruleId>}), then the
 *       score items by key;</li>
 *   <li>statuses other than PASS: ByStatus, one partition per status, NEEDS_REVIEW first;</li>
 *   <li>a team, or every team: ByTeamDay, one partition per team and day (newest day first); "every
 *       team" needs the team list, from a flag or the REGISTRY/TEAMS item.</li>
 * </ul>
 * The other conditions are DynamoDB filter expressions on those partitions. The only scan,
 * {@link #scanTeams}, discovers teams for the registry and says so.
 */
public final class QaScoreQueries {
    private static final int BATCH_GET_LIMIT = 100;

    /** One partition to read (of an index, or of the table when {@code index} is {@link #TABLE}), with its sort-key range. */
    record Partition(String index, String hashAttr, String rangeAttr, String key) {}

    /** The rule listing's partitions are the table's own (rule-failure items keyed by rule), not an index's. */
    static final String TABLE = "QaScores";

    private final DynamoDbClient dynamo;
    private final String table;
    private final ZoneId zone;

    public QaScoreQueries(DynamoDbClient dynamo, String table, ZoneId zone) {
        this.dynamo = dynamo;
        this.table = table;
        this.zone = zone;
    }

    public QaScoreQueries(DynamoDbClient dynamo, String table) {
        this(dynamo, table, io.kefu.shared.domain.customer.CustomerPreferences.DEFAULT_ZONE);
    }

    public ZoneId zone() {
        return zone;
    }

    /** One page of scores matching the filter, newest first within each partition. */
    public Page<ScoreView> list(ScoreFilter filter, int limit, String cursor) {
        requireRange(filter);
        List<Partition> partitions = plan(filter);
        List<String> notes = new ArrayList<>();
        if (partitions.isEmpty()) {
            notes.add("no team list: pass --team/--teams, or record teams with `kefu qa teams add` (or `qa teams discover`, one scan)");
            return new Page<>(List.of(), null, "none", notes);
        }
        boolean ruleIndex = partitions.get(0).index().equals(TABLE);
        if (ruleIndex) {
            notes.add("rule index: conditions other than agent/team are checked after reading, so a page can hold fewer than " + limit);
        }
        int p = 0;
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor);
            p = c.partition();
            start = c.startKey();
        }
        List<ScoreView> out = new ArrayList<>();
        while (p < partitions.size() && out.size() < limit) {
            Partition part = partitions.get(p);
            QueryResponse page = query(part, filter, ruleIndex, limit - out.size(), start);
            List<ScoreView> views = ruleIndex ? scoresFor(page.items()) : page.items().stream().map(ScoreItems::view).toList();
            views.stream().filter(filter::matches).forEach(out::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start == null) {
                p++;
            }
        }
        String next = p < partitions.size() ? new Cursor(p, start).encode() : null;
        return new Page<>(out, next, describe(partitions), notes);
    }

    /** Every matching score (all pages), for the report, calibration and re-scoring. */
    public List<ScoreView> all(ScoreFilter filter, Consumer<String> notes) {
        List<ScoreView> out = new ArrayList<>();
        String cursor = null;
        boolean first = true;
        do {
            Page<ScoreView> page = list(filter, 500, cursor);
            if (first) {
                page.notes().forEach(notes);
                first = false;
            }
            out.addAll(page.items());
            cursor = page.cursor();
        } while (cursor != null);
        return out;
    }

    /** Which partitions a filter reads, narrowest index first. */
    List<Partition> plan(ScoreFilter f) {
        if (f.agentId() != null) {
            return List.of(new Partition("ByAgent", "gsi1pk", "closedAt", QaScoreKeys.agent(f.agentId())));
        }
        if (f.ruleId() != null) {
            return List.of(new Partition(TABLE, "pk", "sk", QaScoreKeys.rule(f.ruleId())));
        }
        if (!f.statuses().isEmpty() && f.statuses().stream().allMatch(ScoreStatus::indexed)) {
            return new TreeSet<>(f.statuses()).stream()   // enum order: NEEDS_REVIEW first
                    .map(s -> new Partition("ByStatus", "gsi3pk", "closedAt", QaScoreKeys.status(s.name()))).toList();
        }
        List<String> teams = f.team() != null ? List.of(f.team()) : f.teams();
        List<Partition> out = new ArrayList<>();
        LocalDate first = f.from().atZone(zone).toLocalDate();
        for (LocalDate d = f.to().minusMillis(1).atZone(zone).toLocalDate(); !d.isBefore(first); d = d.minusDays(1)) {
            for (String team : teams) {
                out.add(new Partition("ByTeamDay", "gsi2pk", "closedAt", "TEAM#" + team + "#" + d));
            }
        }
        return out;
    }

    /** One page of one partition. Only the table's three indexes or the table (named here, so the IAM check sees which). */
    private QueryResponse query(Partition part, ScoreFilter f, boolean ruleIndex, int limit, Map<String, AttributeValue> start) {
        switch (part.index()) {
            case "ByAgent", "ByTeamDay", "ByStatus", TABLE -> { }
            default -> throw new IllegalStateException("QaScores has no index " + part.index());
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#h", part.hashAttr());
        names.put("#r", part.rangeAttr());
        values.put(":h", AttributeValue.fromS(part.key()));
        values.put(":from", AttributeValue.fromS(QaScoreKeys.sortableFrom(f.from())));
        // index sort key closedAt: [from, to) is BETWEEN from and the last millisecond before to; a rule item's
        // sort key is {closedAt}#{id}#..., so "to" itself already sorts below every item closed at that instant
        values.put(":to", AttributeValue.fromS(ruleIndex ? QaScoreKeys.sortableFrom(f.to()) : QaScoreKeys.closedBefore(f.to())));
        List<String> conditions = new ArrayList<>();
        if (f.agentId() != null && !part.index().equals("ByAgent")) {
            names.put("#agent", "agentId");
            values.put(":agent", AttributeValue.fromS(f.agentId()));
            conditions.add("#agent = :agent");
        }
        if (f.team() != null && !part.index().equals("ByTeamDay")) {
            names.put("#team", "team");
            values.put(":team", AttributeValue.fromS(f.team()));
            conditions.add("#team = :team");
        }
        if (!ruleIndex) {   // on rule items these are the automatic values: checked on the score items instead
            if (!f.statuses().isEmpty() && !part.index().equals("ByStatus")) {
                names.put("#status", "status");
                List<String> alternatives = new ArrayList<>();
                for (int i = 0; i < f.statuses().size(); i++) {
                    values.put(":st" + i, AttributeValue.fromS(f.statuses().get(i).name()));
                    alternatives.add("#status = :st" + i);
                }
                conditions.add("(" + String.join(" OR ", alternatives) + ")");
            }
            if (f.ruleId() != null) {
                names.put("#failed", "failedRules");
                values.put(":rule", AttributeValue.fromS(f.ruleId()));
                conditions.add("contains(#failed, :rule)");
            }
            if (f.minScore() != null || f.maxScore() != null) {
                names.put("#score", "score");
                names.put("#reviewed", "reviewedScore");
                values.put(":min", AttributeValue.fromN(Integer.toString(f.minScore() == null ? 0 : f.minScore())));
                values.put(":max", AttributeValue.fromN(Integer.toString(f.maxScore() == null ? 100 : f.maxScore())));
                conditions.add("((attribute_exists(#reviewed) AND #reviewed BETWEEN :min AND :max)"
                        + " OR (attribute_not_exists(#reviewed) AND #score BETWEEN :min AND :max))");
            }
        }
        QueryRequest.Builder b = QueryRequest.builder().tableName(table).indexName(ruleIndex ? null : part.index())
                .keyConditionExpression("#h = :h AND #r BETWEEN :from AND :to")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit);
        if (!conditions.isEmpty()) {
            b.filterExpression(String.join(" AND ", conditions));
        }
        if (start != null) {
            b.exclusiveStartKey(start);
        }
        return dynamo.query(b.build());
    }

    /** Rule-failure items -> their score items (BatchGetItem by key), in the listing's order. */
    private List<ScoreView> scoresFor(List<Map<String, AttributeValue>> failures) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> f : failures) {
            keys.add(Map.of("pk", AttributeValue.fromS(QaScoreKeys.pk(f.get("transcriptId").s())), "sk", AttributeValue.fromS(QaScoreKeys.scoreSk(
                    f.get("rulebookId").s(), Integer.parseInt(f.get("rulebookVersion").n())))));
        }
        Map<String, ScoreView> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> chunk = keys.subList(i, Math.min(keys.size(), i + BATCH_GET_LIMIT));
            Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> pending =
                    Map.of(table, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(chunk).build());
            while (!pending.isEmpty()) {
                var request = pending;
                var response = dynamo.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> byKey.put(item.get("pk").s() + "|" + item.get("sk").s(), ScoreItems.view(item)));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        List<ScoreView> out = new ArrayList<>();
        for (Map<String, AttributeValue> k : keys) {
            ScoreView v = byKey.get(k.get("pk").s() + "|" + k.get("sk").s());
            if (v != null && v.active()) {
                out.add(v);
            }
        }
        return out;
    }

    /** Every score item of a transcript, oldest rulebook version first. */
    public List<ScoreView> scores(String transcriptId) {
        return transcriptItems(transcriptId, "SCORE#").stream().map(ScoreItems::view).toList();
    }

    /** The score in force: not superseded, the latest scored if several rulebooks scored it. */
    public Optional<ScoreView> current(String transcriptId) {
        return scores(transcriptId).stream().filter(ScoreView::active)
                .max(Comparator.comparing(v -> v.scoredAt() == null ? Instant.EPOCH : v.scoredAt()));
    }

    /** The raw score item (findings JSON and the gzipped redacted transcript), for `qa show` and re-scoring. */
    public Optional<Map<String, AttributeValue>> scoreItem(String transcriptId, String scoreKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(QaScoreKeys.pk(transcriptId)), "sk", AttributeValue.fromS(scoreKey)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The transcript's audit trail, oldest first. */
    public List<ReviewRecord> reviews(String transcriptId) {
        return transcriptItems(transcriptId, QaScoreKeys.REVIEW_PREFIX).stream().map(ScoreItems::review).toList();
    }

    private List<Map<String, AttributeValue>> transcriptItems(String transcriptId, String prefix) {
        return new DynamoQaScoreRepository(dynamo, table, zone).queryTranscript(transcriptId, prefix);
    }

    /** The team registry (REGISTRY/TEAMS string set), sorted; empty when nobody recorded teams. */
    public List<String> teams() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(registryKey())).item();
        return item == null || !item.containsKey("teams") ? List.of() : new TreeSet<>(item.get("teams").ss()).stream().toList();
    }

    /** Adds teams to the registry (ADD on a string set: idempotent). */
    public void addTeams(List<String> teams) {
        if (teams.isEmpty()) {
            return;
        }
        dynamo.updateItem(b -> b.tableName(table).key(registryKey())
                .updateExpression("ADD teams :t SET #type = :type")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(teams), ":type", AttributeValue.fromS("QA_TEAM_REGISTRY"))));
    }

    /** The one scan: every team that has a score, projected to one attribute. For a first registry fill. */
    public List<String> scanTeams() {
        TreeSet<String> teams = new TreeSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).projectionExpression("#team")
                    .filterExpression("begins_with(sk, :score)").expressionAttributeNames(Map.of("#team", "team"))
                    .expressionAttributeValues(Map.of(":score", AttributeValue.fromS("SCORE#"))).exclusiveStartKey(from));
            page.items().forEach(i -> teams.add(i.get("team").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return List.copyOf(teams);
    }

    private static Map<String, AttributeValue> registryKey() {
        return Map.of("pk", AttributeValue.fromS(QaScoreKeys.REGISTRY_PK), "sk", AttributeValue.fromS(QaScoreKeys.TEAMS_SK));
    }

    private static void requireRange(ScoreFilter f) {
        if (f.from() == null || f.to() == null || !f.from().isBefore(f.to())) {
            throw new IllegalArgumentException("a time range (from before to) is required");
        }
    }

    private static String describe(List<Partition> partitions) {
        Partition p = partitions.get(0);
        return p.index() + " " + (partitions.size() == 1 ? p.key() : partitions.size() + " partitions (" + p.key() + " ...)");
    }

    /** Where the next page starts: a partition and DynamoDB's LastEvaluatedKey (all string attributes). */
    record Cursor(int partition, Map<String, AttributeValue> startKey) {
        String encode() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("p", partition);
            if (startKey != null) {
                Map<String, String> k = new LinkedHashMap<>();
                startKey.forEach((name, v) -> k.put(name, v.s()));
                json.put("k", k);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
        }

        @SuppressWarnings("unchecked")
        static Cursor decode(String text) {
            try {
                Map<String, Object> json = Json.mapper().readValue(Base64.getUrlDecoder().decode(text), Map.class);
                Map<String, String> k = (Map<String, String>) json.get("k");
                Map<String, AttributeValue> start = null;
                if (k != null) {
                    start = new HashMap<>();
                    for (var e : k.entrySet()) {
                        start.put(e.getKey(), AttributeValue.fromS(e.getValue()));
                    }
                }
                return new Cursor(((Number) json.get("p")).intValue(), start);
            } catch (Exception e) {
                throw new IllegalArgumentException("not a page cursor from `qa list`: " + text, e);
            }
        }
    }
}

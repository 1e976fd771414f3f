package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.local.stack.RepoRoot;
import io.kefu.shared.app.qa.QaScoreStore;
import io.kefu.shared.app.qa.RescoreService;
import io.kefu.shared.app.qa.ScoreRecord;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.aws.qa.QaScoreKeys;
import io.kefu.shared.aws.qa.QaScoreQueries;
import io.kefu.shared.aws.qa.ScoreItems;
import io.kefu.shared.domain.care.Shipment;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The exactly-once surprises of issue 11, each on the embedded stack with the real functions: one bad stored row
 * must not stop a scheduled sweep, a crash between a re-score's put and its unlink must not leave two current
 * scores, an aggregate cell must not grow with every answer, and an identical resend of an answer is a no-op
 * while a different answer on a used token is refused.
 */
class ExactlyOnceSurprisesTest {

    @Test
    void oneCustomerWithAnUnreadablePreferenceRowDoesNotStopTheStalledSweepForEveryoneElse() {
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            String run = "bad";
            // The bad customer's parcel has the oldest scan, so on main its row is read first and the sweep dies.
            List<String> orders = new ArrayList<>();
            for (int i = 0; orders.size() < 4; i++) {
                String order = run + "-O-" + i;
                if (Shipment.shard(order, 8) == Shipment.shard(run + "-O-0", 8)) {
                    orders.add(order);
                }
            }
            String badCustomer = run + "-C-bad";
            for (String channel : List.of("FAX")) { // unknown channel: not SMS, APP_PUSH or IM
                rig.stack.dynamoDb().putItem(b -> b.tableName(rig.stack.tableName("CustomerPreferencesTable")).item(Map.of(
                        "pk", AttributeValue.fromS("CUSTOMER#" + badCustomer), "sk", AttributeValue.fromS("PREFERENCES"),
                        "channel", AttributeValue.fromS(channel), "zone", AttributeValue.fromS("Mars/Olympus"))));
            }
            List<String> events = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                ObjectNode event = Samples.json("shipments/in-transit-quiet.json");
                event.put("orderId", orders.get(i));
                event.put("eventId", orders.get(i) + "-2");
                event.put("customerId", i == 0 ? badCustomer : run + "-C-" + i);
                // 35 h before the start (10:00 Shanghai): stalled at 11:00, outside quiet hours; the bad one oldest
                event.put("eventTime", Rig.START.minus(Duration.ofHours(35)).plusSeconds(60L * i).toString());
                events.add(event.toString());
            }
            rig.sendAll("ShipmentEventsQueue", events);
            rig.drain();
            rig.runtime.advanceClock(Duration.ofHours(2));
            rig.runtime.advanceClock(Duration.ofMinutes(5)); // a second run: the bad row is still there

            rig.effects.collect();
            List<String> noticed = rig.effects.messages("OutboundMessagesQueue").stream()
                    .map(m -> m.attributes().get("messageKey")).filter(k -> k != null && k.startsWith("care-notice:"))
                    .sorted().toList();
            assertThat(noticed).as("every good customer's stalled parcel got its notice")
                    .containsExactly(orders.subList(1, orders.size()).stream()
                            .map(o -> "care-notice:" + o + ":STALLED:0").sorted().toArray(String[]::new));
            var failed = logs.events("care.sweep.item_failed");
            assertThat(failed).isNotEmpty().allSatisfy(line -> {
                assertThat(line.path("item").asText()).isEqualTo(orders.get(0));
                assertThat(line.path("detail").asText()).contains(badCustomer).contains("channel");
            });
            logs.console().printf("RELIABILITY sweep badRows=1 goodParcels=%d noticesSent=%d itemFailures=%d runs=2%n",
                    orders.size() - 1, noticed.size(), failed.size());
        }
    }

    @Test
    void aCrashBetweenTheNewScoreAndTheUnlinkIsFinishedByTheRerunSoOneScoreStaysCurrent() throws Exception {
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            GoodMessages good = new GoodMessages("rs");
            rig.send("TranscriptsQueue", good.transcript(1)); // zh-rude-agent
            rig.drain();
            String table = rig.stack.tableName("QaScoresTable");
            String transcriptId = "rs-T-1";
            var repo = new DynamoQaScoreRepository(rig.stack.dynamoDb(), table);
            var queries = new QaScoreQueries(rig.stack.dynamoDb(), table);
            ScoreView current = current(queries, transcriptId);
            // The next rulebook version: the packaged one with its version bumped.
            int next = current.rulebookVersion() + 1;
            String newer = Files.readString(RepoRoot.find().resolve("shared/src/main/resources/rulebooks/default.yaml"))
                    .replaceFirst("(?m)^version: \\d+$", "version: " + next);
            Scorer scorer = new Scorer(CompiledRulebook.compile(RulebookLoader.fromYaml(newer)));

            // The process dies after the new score's PutItem, before the old one is unlinked.
            QaScoreStore crashing = new CrashBeforeUnlink(repo);
            RescoreService dying = new RescoreService(scorer, crashing,
                    v -> ScoreItems.transcript(queries.scoreItem(v.transcriptId(), v.scoreKey()).orElseThrow()), rig.runtime.clock());
            assertThatThrownBy(() -> dying.rescore(current)).hasMessageContaining("crash");
            int currentAfterCrash = currentScores(rig, current.agentId(), transcriptId);

            // The lead runs the same re-score again.
            RescoreService rerun = new RescoreService(scorer, repo,
                    v -> ScoreItems.transcript(queries.scoreItem(v.transcriptId(), v.scoreKey()).orElseThrow()), rig.runtime.clock());
            assertThat(rerun.rescore(current)).isEqualTo(RescoreService.Outcome.ALREADY_SCORED);
            assertThat(currentScores(rig, current.agentId(), transcriptId)).as("scores in the agent's list").isEqualTo(1);
            var old = rig.stack.dynamoDb().getItem(b -> b.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS(QaScoreKeys.pk(transcriptId)),
                    "sk", AttributeValue.fromS(current.scoreKey())))).item();
            assertThat(old.get("supersededBy").s()).isEqualTo(QaScoreKeys.scoreSk(current.rulebookId(), next));

            // The same for a redelivered chat (the scorer's own path): finishing is idempotent.
            rig.send("TranscriptsQueue", good.transcript(1));
            rig.drain();
            assertThat(currentScores(rig, current.agentId(), transcriptId)).isEqualTo(1);
            logs.console().printf("RELIABILITY rescore crash=afterPut currentScoresAfterCrash=%d afterRerun=1%n",
                    currentAfterCrash);
        }
    }

    @Test
    void postDeliveryAnswersShareACellThatDoesNotGrowWithEveryAnswer() {
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            GoodMessages good = new GoodMessages("ag");
            List<String> requests = new ArrayList<>();
            int n = 24;
            for (int i = 0; i < n; i++) {
                requests.add(good.surveyRequest(3 * i + 1)); // i % 3 == 1: post-delivery (no team, no agent)
            }
            rig.sendAll("SurveyRequestsQueue", requests);
            List<String> tokens = rig.sendDueSurveysAndCollectTokens();
            assertThat(tokens).hasSize(n);
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                answers.add(GoodMessages.surveyResponse(tokens.get(i), 3 + i % 3)); // no low scores: cells only
            }
            rig.sendAll("SurveyResponsesQueue", answers);
            rig.drain();

            var cells = rig.stack.dynamoDb().scan(b -> b.tableName(rig.stack.tableName("SurveyAggregatesTable"))).items();
            var cell = cells.stream().filter(c -> c.get("sk").s().startsWith("KIND#POST_DELIVERY#TEAM#-#AGENT#-"))
                    .findFirst().orElseThrow();
            assertThat(Integer.parseInt(cell.get("responses").n())).isEqualTo(n);
            int idsKept = 0;
            for (String attribute : List.of("surveys", "counting")) {
                AttributeValue set = cell.get(attribute);
                idsKept += set == null || !set.hasSs() ? 0 : set.ss().size();
            }
            assertThat(idsKept).as("survey ids the cell still holds after every answer is settled").isZero();
            logs.console().printf("RELIABILITY aggregate answers=%d responses=%s surveyIdsKeptInCell=%d cellAttributes=%d%n",
                    n, cell.get("responses").n(), idsKept, cell.size());
        }
    }

    @Test
    void anIdenticalResendOfAnAnswerIsANoOpAndADifferentAnswerOnAUsedTokenIsRefused() {
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            GoodMessages good = new GoodMessages("rsnd");
            rig.sendAll("SurveyRequestsQueue", List.of(good.surveyRequest(0), good.surveyRequest(3)));
            List<String> tokens = rig.sendDueSurveysAndCollectTokens();
            assertThat(tokens).hasSize(2);
            String first = GoodMessages.surveyResponse(tokens.get(0), 1); // csat 2: low, opens a follow-up
            rig.send("SurveyResponsesQueue", first);
            rig.drain();
            rig.send("SurveyResponsesQueue", first); // the page resent the same answer as a new SQS message
            rig.send("SurveyResponsesQueue", GoodMessages.surveyResponse(tokens.get(0), 4)); // a different answer
            rig.drain();
            rig.effects.collect();

            var dlq = rig.effects.messages("SurveyResponsesDlq");
            assertThat(dlq).singleElement().satisfies(m ->
                    assertThat(m.attributes().get("kefu.error.reason")).startsWith("token already used")
                            .endsWith("with a different answer"));
            assertThat(logs.events("survey.answer_resent")).hasSize(1);
            assertThat(logs.events("survey.response_rejected")).singleElement()
                    .satisfies(l -> assertThat(l.path("level").asText()).isEqualTo("WARN"));
            long followUps = rig.effects.messages("FollowUpsQueue").size();
            assertThat(followUps).as("one low-score follow-up").isEqualTo(1);
            var cells = rig.stack.dynamoDb().scan(b -> b.tableName(rig.stack.tableName("SurveyAggregatesTable"))).items();
            assertThat(cells.stream().mapToInt(c -> Integer.parseInt(c.get("responses").n())).sum()).isEqualTo(1);
            logs.console().printf("RELIABILITY resend answer identical=1 parkedIdentical=0 different=1 parkedDifferent=%d "
                    + "responsesCounted=1 followUps=%d%n", dlq.size(), followUps);
        }
    }

    @Test
    void theSameIdWithOtherContentIsParkedAsAConflictWhileAnIdenticalCopyIsANoOp() throws Exception {
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            GoodMessages good = new GoodMessages("cf");
            String chat = good.transcript(0);
            ObjectNode reopened = (ObjectNode) io.kefu.shared.json.Json.mapper().readTree(chat);
            ObjectNode line = reopened.withArray("messages").addObject(); // the chat was re-opened: one more line
            line.put("role", "customer").put("text", "还有一个问题").put("ts", reopened.withArray("messages")
                    .get(reopened.withArray("messages").size() - 2).path("ts").asText());
            String request = good.surveyRequest(0);
            ObjectNode reused = (ObjectNode) io.kefu.shared.json.Json.mapper().readTree(request);
            reused.put("subjectId", "another-chat"); // a requestId reused for another subject
            String event = good.shipmentEvent(0);
            ObjectNode sameMillisecond = (ObjectNode) io.kefu.shared.json.Json.mapper().readTree(event);
            sameMillisecond.put("eventId", sameMillisecond.path("eventId").asText() + "-b").put("status", "DELIVERED");

            Map<String, List<String>> byQueue = Map.of("TranscriptsQueue", List.of(chat, chat, reopened.toString()),
                    "SurveyRequestsQueue", List.of(request, request, reused.toString()),
                    "ShipmentEventsQueue", List.of(event, event, sameMillisecond.toString()));
            for (var entry : byQueue.entrySet()) {
                rig.send(entry.getKey(), entry.getValue().get(0));
                rig.drain();
                rig.sendAll(entry.getKey(), entry.getValue().subList(1, 3)); // identical copy, then other content
                rig.drain();
            }
            rig.effects.collect();
            Map<String, String> fields = Map.of("TranscriptsDlq", "transcriptId", "SurveyRequestsDlq", "requestId",
                    "ShipmentEventsDlq", "sequence");
            fields.forEach((dlq, field) -> assertThat(rig.effects.messages(dlq)).as(dlq).singleElement().satisfies(m -> {
                assertThat(m.attributes()).containsEntry("kefu.error.field", field);
                assertThat(m.attributes().get("kefu.error.reason")).startsWith("conflicting duplicate");
            }));
            for (String warning : List.of("score.conflicting_duplicate", "survey.conflicting_request",
                    "care.conflicting_duplicate")) {
                assertThat(logs.events(warning)).as(warning).singleElement()
                        .satisfies(l -> assertThat(l.path("level").asText()).isEqualTo("WARN"));
            }
            var shipment = rig.stack.dynamoDb().scan(b -> b.tableName(rig.stack.tableName("ShipmentsTable"))).items();
            assertThat(shipment).singleElement().satisfies(s -> assertThat(s.get("status").s()).isNotEqualTo("DELIVERED"));
            logs.console().printf("RELIABILITY conflicts contracts=3 identicalCopies=3 parkedIdentical=0 otherContent=3"
                    + " parkedAsConflict=%d warnings=3%n", fields.keySet().stream()
                    .mapToInt(d -> rig.effects.messages(d).size()).sum());
        }
    }

    private static ScoreView current(QaScoreQueries queries, String transcriptId) {
        return queries.current(transcriptId).orElseThrow();
    }

    /** Items of this transcript in the agent's list (the ByAgent index): the scores that count as current. */
    private static int currentScores(Rig rig, String agentId, String transcriptId) {
        return (int) rig.stack.dynamoDb().query(b -> b.tableName(rig.stack.tableName("QaScoresTable")).indexName("ByAgent")
                .keyConditionExpression("gsi1pk = :a").expressionAttributeValues(Map.of(":a",
                        AttributeValue.fromS(QaScoreKeys.agent(agentId))))).items().stream()
                .filter(i -> transcriptId.equals(io.kefu.shared.aws.qa.ScoreItems.transcriptId(i))).count();
    }

    /** The real repository, with the process dying right before the unlink (after the new score's put). */
    private record CrashBeforeUnlink(DynamoQaScoreRepository repo) implements QaScoreStore {
        @Override public List<StoredScore> scoresOf(String transcriptId) { return repo.scoresOf(transcriptId); }
        @Override public void writeRuleIndex(ScoreRecord record, StoredScore superseded) { repo.writeRuleIndex(record, superseded); }
        @Override public boolean putIfAbsent(ScoreRecord record) { return repo.putIfAbsent(record); }
        @Override public int finishSupersedes(String transcriptId) { return repo.finishSupersedes(transcriptId); }
        @Override public void markSuperseded(StoredScore old, ScoreRecord successor) {
            throw new IllegalStateException("crash: process gone before the unlink");
        }
    }
}

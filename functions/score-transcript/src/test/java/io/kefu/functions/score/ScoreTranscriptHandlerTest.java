package io.kefu.functions.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.aws.qa.DynamoRulebookRepository;
import io.kefu.shared.aws.qa.QaScoreKeys;
import io.kefu.shared.aws.qa.ScoreItems;
import io.kefu.shared.json.Json;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.domain.qa.RulebookLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** End to end through the embedded stack: SQS event in -> QaScores rows, follow-up task and survey request out. */
class ScoreTranscriptHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-11T03:00:00Z"), ZoneOffset.UTC);
    private static final AtomicInteger IDS = new AtomicInteger();

    private LocalAwsStack stack;
    private ScoreTranscriptHandler handler;
    private DynamoQaScoreRepository scores;

    @BeforeEach
    void freshStage() {
        stack = LocalAwsStack.isolated();
        handler = new ScoreTranscriptHandler(Environment.of(stack.functionEnvironment("ScoreTranscriptFunction"), CLOCK));
        scores = new DynamoQaScoreRepository(stack.dynamoDb(), stack.tableName("QaScoresTable"));
    }

    @Test
    void transcriptInScoreRowWithFindingsFollowUpAndSurveyRequestOut() throws Exception {
        SQSBatchResponse response = handler.handleRequest(event(fixture("zh-promise-made")), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> rows = scores.queryTranscript("chat-20261111-0006", "SCORE#");
        assertThat(rows).singleElement().satisfies(row -> {
            int packaged = RulebookLoader.defaultRulebook().version();
            assertThat(row.get("sk").s()).isEqualTo(String.format("SCORE#default#%06d", packaged));
            assertThat(io.kefu.shared.aws.qa.ScoreItems.view(row).rulebookVersion()).isEqualTo(packaged);
            assertThat(io.kefu.shared.json.Json.write(io.kefu.shared.aws.qa.ScoreItems.findings(row))).contains("\"ruleId\":\"promise\"").contains("\"outcome\":\"INFO\"");
            assertThat(row.get("gsi1pk").s()).isEqualTo("AGENT#agent-007");
            assertThat(row.get("gsi2pk").s()).isEqualTo("TEAM#tmall-flagship-cs#2026-11-11");
            assertThat(DynamoQaScoreRepository.transcriptOf(row)).hasSize(7);
        });
        List<Message> followUps = drain("FollowUpsQueue");
        assertThat(followUps).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("\"followUpId\":\"promise:chat-20261111-0006:2\"").contains("AGENT_PROMISE");
            assertThat(m.messageAttributes().get("kefu.idempotencyKey").stringValue()).isEqualTo("promise:chat-20261111-0006:2");
        });
        assertThat(drain("SurveyRequestsQueue")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("\"requestId\":\"chat:chat-20261111-0006\"").contains("POST_CHAT"));
    }

    @Test
    void duplicatesInABatchAndRedeliveryGiveOneScoreAndOneFollowUp() throws Exception {
        String body = fixture("zh-promise-made");
        assertThat(handler.handleRequest(event(body, body), null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(event(body), null).getBatchItemFailures()).isEmpty();

        assertThat(scores.queryTranscript("chat-20261111-0006", "SCORE#")).hasSize(1);
        assertThat(drain("FollowUpsQueue")).hasSize(1);
        assertThat(drain("SurveyRequestsQueue")).hasSize(1);
    }

    @Test
    void poisonMessagesAreParkedWithTheirReasonAndTheRestOfTheBatchIsScored() throws Exception {
        String outOfOrder = fixture("zh-good-agent").replace("\"2026-11-11T10:00:03+08:00\"", "\"2026-11-11T09:00:00+08:00\"");
        SQSBatchResponse response = handler.handleRequest(event(outOfOrder, "{not json", fixture("en-good-agent")), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(scores.queryTranscript("chat-20261111-0002", "SCORE#")).hasSize(1);
        assertThat(scores.queryTranscript("chat-20261111-0001", "SCORE#")).isEmpty();
        List<Message> parked = drain("TranscriptsDlq");
        assertThat(parked).hasSize(2);
        assertThat(parked).extracting(m -> m.messageAttributes().get("kefu.error.field").stringValue())
                .containsExactlyInAnyOrder("messages[2].ts", "$");
        assertThat(parked).anySatisfy(m -> assertThat(m.messageAttributes().get("kefu.error.reason").stringValue())
                .contains("is before messages[1].ts").contains("chat-20261111-0001"));
    }

    @Test
    void qaLeadQueriesFindReviewsAgentsTeamDaysAndFailedRules() throws Exception {
        handler.handleRequest(event(fixture("zh-rude-agent"), fixture("en-slow-agent"), fixture("zh-good-agent")), null);

        assertThat(scores.newestFirst("ByStatus", "gsi3pk", QaScoreKeys.status("NEEDS_REVIEW"), 10))
                .extracting(ScoreItems::transcriptId).contains("chat-20261111-0004");
        assertThat(scores.newestFirst("ByStatus", "gsi3pk", QaScoreKeys.status("FAIL"), 10))
                .extracting(ScoreItems::transcriptId).containsExactly("chat-20261111-0003");
        assertThat(scores.newestFirst(null, "pk", QaScoreKeys.rule("insult"), 10))
                .singleElement().satisfies(i -> {
                    assertThat(i.get("transcriptId").s()).isEqualTo("chat-20261111-0003");
                    assertThat(i.get("evidence").s()).isNotBlank();
                });
        assertThat(scores.newestFirst("ByAgent", "gsi1pk", QaScoreKeys.agent("agent-007"), 10))
                .extracting(ScoreItems::transcriptId).containsExactly("chat-20261111-0001");
        assertThat(scores.newestFirst("ByTeamDay", "gsi2pk", "TEAM#tmall-flagship-cs#2026-11-11", 10)).hasSize(2);
    }

    @Test
    void rulebookSelectedFromTheTableIsUsedAndRecordedOnTheScore() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/rulebooks/default.yaml").readAllBytes(), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version: \\d+$", "version: 30");
        new DynamoRulebookRepository(stack.dynamoDb(), stack.tableName("RulebooksTable")).publish(yaml);
        Map<String, String> env = new HashMap<>(stack.functionEnvironment("ScoreTranscriptFunction"));
        env.put("RULEBOOK_ID", "default");
        var fromTable = new ScoreTranscriptHandler(Environment.of(env, CLOCK));

        fromTable.handleRequest(event(fixture("en-good-agent")), null);

        assertThat(scores.queryTranscript("chat-20261111-0002", "SCORE#")).singleElement()
                .satisfies(row -> assertThat(row.get("sk").s()).isEqualTo("SCORE#default#000030"));
    }

    private List<Message> drain(String queue) {
        String url = stack.queueUrl(queue);
        List<Message> out = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            List<Message> got = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (got.isEmpty()) {
                empty++;
            }
            for (Message m : got) {
                out.add(m);
                stack.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return out;
    }

    private SQSEvent event(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("msg-" + IDS.incrementAndGet());
            m.setBody(body);
            m.setEventSourceArn(stack.queueArn("TranscriptsQueue"));
            m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static String fixture(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        String body = Files.readString(dir.resolve("events/transcripts/" + name + ".json"), StandardCharsets.UTF_8);
        return Json.write(Json.mapper().readTree(body));
    }
}

package io.kefu.tests.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.kefu.functions.dispatch.DispatchDueSurveysHandler;
import io.kefu.functions.response.RecordSurveyResponseHandler;
import io.kefu.functions.schedule.ScheduleSurveyHandler;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.shared.aws.survey.DynamoAggregateStore;
import io.kefu.shared.aws.survey.DynamoSurveyStore;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.domain.survey.DailyAggregate;
import io.kefu.shared.domain.survey.ResponseToken;
import io.kefu.shared.domain.survey.SurveyAnswer;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.json.Json;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.survey.AggregateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Request -> schedule -> due -> send -> answer -> aggregates / follow-up, through the embedded stack
 * (ElasticMQ + dynalite) with the real handlers and a clock the test advances.
 */
class SurveyEndToEndTest {
    /** 10:00 in Shanghai, the sample events' occurredAt: outside quiet hours. */
    private static final Instant START = Instant.parse("2026-11-28T02:00:00Z");

    private LocalAwsStack stack;
    private ManualClock clock;
    private QueueDriver queues;
    private ScheduleSurveyHandler scheduler;
    private RecordSurveyResponseHandler responses;

    @BeforeEach
    void freshStage() {
        stack = LocalAwsStack.isolated();
        clock = ManualClock.at(START);
        queues = new QueueDriver(stack.sqs());
        scheduler = new ScheduleSurveyHandler(env("ScheduleSurveyFunction"));
        responses = new RecordSurveyResponseHandler(env("RecordSurveyResponseFunction"));
    }

    @AfterEach
    void closeView() {
        stack.close();
    }

    private Environment env(String function) {
        return Environment.of(stack.functionEnvironment(function), clock);
    }

    private DispatchDueSurveysHandler dispatcher() {
        return new DispatchDueSurveysHandler(env("DispatchDueSurveysFunction"));
    }

    private static String sample(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("events/surveys"))) {
            dir = dir.getParent();
        }
        return Files.readString(dir.resolve("events/surveys/" + name));
    }

    private void request(String body) {
        queues.send(stack.queueUrl("SurveyRequestsQueue"), body);
        assertThat(queues.drainInto(stack.queueUrl("SurveyRequestsQueue"), stack.queueArn("SurveyRequestsQueue"),
                e -> scheduler.handleRequest(e, null))).isEmpty();
    }

    private Map<String, Object> dispatch() {
        return dispatcher().handleRequest(new ScheduledEvent(), null);
    }

    private List<OutboundMessage> outbound() {
        List<OutboundMessage> out = new ArrayList<>();
        for (Message m : queues.receiveAll(stack.queueUrl("OutboundMessagesQueue"))) {
            try {
                out.add(Json.mapper().readValue(m.body(), OutboundMessage.class));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private static String tokenIn(OutboundMessage message) {
        return message.body().substring(message.body().lastIndexOf('/') + 1);
    }

    private void answer(String body) {
        queues.send(stack.queueUrl("SurveyResponsesQueue"), body);
        assertThat(queues.drainInto(stack.queueUrl("SurveyResponsesQueue"), stack.queueArn("SurveyResponsesQueue"),
                e -> responses.handleRequest(e, null))).isEmpty();
    }

    private static String response(String token, int csat, int nps) throws IOException {
        return sample("response-template.json").replace("REPLACE_WITH_TOKEN_FROM_LINK", token)
                .replace("\"csat\": 2", "\"csat\": " + csat).replace("\"nps\": 5", "\"nps\": " + nps);
    }

    private Map<String, AttributeValue> survey(String requestId) {
        return stack.dynamoDb().getItem(b -> b.tableName(stack.tableName("SurveysTable")).key(Map.of(
                "pk", AttributeValue.fromS("SURVEY#" + SurveyIds.surveyId(requestId)),
                "sk", AttributeValue.fromS("SURVEY")))).item();
    }

    private List<Map<String, AttributeValue>> aggregateCells() {
        return stack.dynamoDb().query(b -> b.tableName(stack.tableName("SurveyAggregatesTable"))
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("DAY#2026-11-28")))).items();
    }

    private String sentSurveyToken() throws IOException {
        request(sample("request-post-chat.json"));
        clock.advance(Duration.ofMinutes(31));
        assertThat(dispatch()).containsEntry("sent", 1);
        List<OutboundMessage> sent = outbound();
        assertThat(sent).hasSize(1);
        clock.advance(Duration.ofMinutes(10));
        return tokenIn(sent.get(0));
    }

    @Test
    void requestBecomesExactlyOneOutboundSurveyWhenDue() throws IOException {
        request(sample("request-post-chat.json"));
        assertThat(survey("chat:tr-20261128-0001").get("status").s()).isEqualTo("SCHEDULED");

        clock.advance(Duration.ofMinutes(20));
        assertThat(dispatch()).containsEntry("sent", 0);
        assertThat(outbound()).isEmpty();

        clock.advance(Duration.ofMinutes(11));
        assertThat(dispatch()).containsEntry("sent", 1);
        assertThat(dispatch()).containsEntry("sent", 0);
        List<OutboundMessage> sent = outbound();
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.messageKey()).isEqualTo("survey:" + SurveyIds.surveyId("chat:tr-20261128-0001"));
            assertThat(m.customerId()).isEqualTo("cust-1001");
            assertThat(ResponseToken.wellFormed(tokenIn(m))).isTrue();
        });
        assertThat(survey("chat:tr-20261128-0001").get("status").s()).isEqualTo("SENT");
        assertThat(survey("chat:tr-20261128-0001")).doesNotContainKey("leaseUntil");
    }

    @Test
    void duplicateRequestMakesOneSurvey() throws IOException {
        request(sample("request-post-chat.json"));
        request(sample("request-post-chat.json"));
        List<Map<String, AttributeValue>> history = stack.dynamoDb().query(b -> b
                .tableName(stack.tableName("SurveysTable")).indexName("ByCustomer")
                .keyConditionExpression("gsi2pk = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("CUSTOMER#cust-1001")))).items();
        assertThat(history).hasSize(1);
        clock.advance(Duration.ofMinutes(31));
        dispatch();
        assertThat(outbound()).hasSize(1);
    }

    @Test
    void complaintSurveySupersedesTheScheduledChatSurvey() throws IOException {
        request(sample("request-post-chat.json"));
        request(sample("request-post-complaint.json"));
        assertThat(survey("chat:tr-20261128-0001").get("status").s()).isEqualTo("SUPERSEDED");
        assertThat(survey("chat:tr-20261128-0001")).doesNotContainKey("gsi1pk");
        clock.advance(Duration.ofDays(1).plusHours(2));
        dispatch();
        assertThat(outbound()).singleElement()
                .satisfies(m -> assertThat(m.messageKey()).isEqualTo("survey:" + SurveyIds.surveyId("complaint:cmp-5501")));
    }

    @Test
    void twoDispatchersRunningAtOnceSendEachSurveyOnce() throws Exception {
        String template = sample("request-post-chat.json");
        for (int i = 0; i < 12; i++) {
            request(template.replace("tr-20261128-0001", "tr-race-" + i).replace("cust-1001", "cust-race-" + i));
        }
        clock.advance(Duration.ofMinutes(31));
        DispatchDueSurveysHandler first = dispatcher();
        DispatchDueSurveysHandler second = dispatcher();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, Object>> a = pool.submit(() -> { together.await(); return first.handleRequest(new ScheduledEvent(), null); });
            Future<Map<String, Object>> b = pool.submit(() -> { together.await(); return second.handleRequest(new ScheduledEvent(), null); });
            assertThat((int) a.get().get("sent") + (int) b.get().get("sent")).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
        List<OutboundMessage> sent = outbound();
        assertThat(sent).hasSize(12);
        assertThat(sent.stream().map(OutboundMessage::messageKey).distinct()).hasSize(12);
    }

    @Test
    void answerUpdatesTheDailyAggregatesOnce() throws IOException {
        String token = sentSurveyToken();
        String body = response(token, 5, 10);
        queues.send(stack.queueUrl("SurveyResponsesQueue"), body);
        List<Message> received = queues.receiveAll(stack.queueUrl("SurveyResponsesQueue"));
        SQSEvent event = QueueDriver.event(received, stack.queueArn("SurveyResponsesQueue"));
        responses.handleRequest(event, null);
        responses.handleRequest(event, null); // SQS redelivers the same message

        assertThat(survey("chat:tr-20261128-0001").get("status").s()).isEqualTo("AGGREGATED");
        assertThat(aggregateCells()).singleElement().satisfies(cell -> {
            assertThat(cell.get("sk").s()).isEqualTo("KIND#POST_CHAT#TEAM#presales-a#AGENT#agent-017");
            assertThat(cell.get("responses").n()).isEqualTo("1");
            assertThat(cell.get("csatSum").n()).isEqualTo("5");
            assertThat(cell.get("csat4or5").n()).isEqualTo("1");
            assertThat(cell.get("promoters").n()).isEqualTo("1");
            assertThat(cell.get("detractors").n()).isEqualTo("0");
        });
        assertThat(queues.receiveAll(stack.queueUrl("FollowUpsQueue"))).isEmpty();
    }

    @Test
    void lowScoreOpensOneFollowUpCaseWithContext() throws IOException {
        answer(response(sentSurveyToken(), 2, 5));
        List<Message> cases = queues.receiveAll(stack.queueUrl("FollowUpsQueue"));
        assertThat(cases).singleElement().satisfies(m -> {
            Map<?, ?> followUp = Json.mapper().readValue(m.body(), Map.class);
            assertThat(followUp.get("followUpId")).isEqualTo("survey-low:" + SurveyIds.surveyId("chat:tr-20261128-0001"));
            assertThat(followUp.get("kind")).isEqualTo("LOW_SCORE");
            assertThat(followUp.get("transcriptId")).isEqualTo("tr-20261128-0001");
            assertThat(followUp.get("agentId")).isEqualTo("agent-017");
            assertThat((String) followUp.get("comment")).contains("[MOBILE]").doesNotContain("13812345678");
        });
        assertThat(survey("chat:tr-20261128-0001").get("comment").s()).doesNotContain("13812345678");
    }

    @Test
    void forgedTokenIsParkedWithAReasonAndChangesNothing() throws IOException {
        sentSurveyToken();
        answer(response(ResponseToken.generate(), 1, 0));
        List<Message> parked = queues.receiveAll(stack.queueUrl("SurveyResponsesDlq"));
        assertThat(parked).singleElement().satisfies(m ->
                assertThat(m.messageAttributes().get("kefu.error.reason").stringValue()).isEqualTo("unknown token"));
        assertThat(survey("chat:tr-20261128-0001").get("status").s()).isEqualTo("SENT");
        assertThat(aggregateCells()).isEmpty();
        assertThat(queues.receiveAll(stack.queueUrl("FollowUpsQueue"))).isEmpty();
    }

    @Test
    void replayedTokenIsParkedAndTheFirstAnswerStands() throws IOException {
        String token = sentSurveyToken();
        answer(response(token, 5, 9));
        answer(response(token, 1, 0)); // someone replays the link with a different answer
        List<Message> parked = queues.receiveAll(stack.queueUrl("SurveyResponsesDlq"));
        assertThat(parked).singleElement().satisfies(m ->
                assertThat(m.messageAttributes().get("kefu.error.reason").stringValue()).startsWith("token already used"));
        assertThat(aggregateCells()).singleElement().satisfies(cell ->
                assertThat(cell.get("csatSum").n()).isEqualTo("5"));
        assertThat(queues.receiveAll(stack.queueUrl("FollowUpsQueue"))).isEmpty();
    }

    @Test
    void unansweredSurveyIsRemindedOnceThenExpiresAndRejectsLateAnswers() throws IOException {
        String token = sentSurveyToken();
        clock.advance(Duration.ofDays(2));
        assertThat(dispatch()).containsEntry("reminded", 1);
        assertThat(dispatch()).containsEntry("reminded", 0);
        assertThat(outbound()).singleElement().satisfies(m -> assertThat(m.kind()).isEqualTo("SURVEY_REMINDER"));
        clock.advance(Duration.ofDays(3));
        assertThat(dispatch()).containsEntry("expired", 1);
        assertThat(survey("chat:tr-20261128-0001")).doesNotContainKey("gsi1pk");
        answer(response(token, 4, 8));
        assertThat(queues.receiveAll(stack.queueUrl("SurveyResponsesDlq"))).singleElement().satisfies(m ->
                assertThat(m.messageAttributes().get("kefu.error.reason").stringValue()).startsWith("survey expired"));
        assertThat(aggregateCells()).isEmpty();
    }

    @Test
    void sendLeftHalfDoneByACrashIsRetriedAfterTheLeaseWithTheSameKey() throws IOException {
        request(sample("request-post-chat.json"));
        clock.advance(Duration.ofMinutes(31));
        String id = SurveyIds.surveyId("chat:tr-20261128-0001");
        // A dispatcher won SCHEDULED -> SENDING and died before SENT (whether or not its message got out).
        DynamoSurveyStore store = new DynamoSurveyStore(stack.dynamoDb(), stack.tableName("SurveysTable"), 4, clock);
        assertThat(store.claimSend(id, clock.instant(), io.kefu.shared.effects.Lease.until(clock.instant().plus(Duration.ofMinutes(2))))).isTrue();

        assertThat(dispatch()).containsEntry("sent", 0).containsEntry("retried", 0); // lease still running
        clock.advance(Duration.ofMinutes(3));
        assertThat(dispatch()).containsEntry("retried", 1);
        assertThat(outbound()).singleElement().satisfies(m -> assertThat(m.messageKey()).isEqualTo("survey:" + id));
        assertThat(survey("chat:tr-20261128-0001").get("status").s()).isEqualTo("SENT");
        assertThat(dispatch()).containsEntry("retried", 0);
    }

    @Test
    void aggregateCellCountsASurveyOnlyOnce() {
        DynamoAggregateStore cells = new DynamoAggregateStore(stack.dynamoDb(), stack.tableName("SurveyAggregatesTable"));
        AggregateStore.Cell cell = new AggregateStore.Cell(java.time.LocalDate.of(2026, 11, 28), "POST_CHAT", "t", "a");
        DailyAggregate one = DailyAggregate.of(new SurveyAnswer(4, 9, null, null));
        assertThat(cells.add(cell, "svy_1", one)).isTrue();
        assertThat(cells.add(cell, "svy_1", one)).isFalse();
        assertThat(cells.add(cell, "svy_2", one)).isTrue();
        assertThat(cells.day(cell.day())).containsEntry(cell, one.plus(one));
    }
}

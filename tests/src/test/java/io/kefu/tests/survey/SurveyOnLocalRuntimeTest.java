package io.kefu.tests.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The three survey functions wired as the template wires them (SQS event sources, the every-minute
 * schedule) by the local runtime, driven only through queues and the runtime's clock.
 */
class SurveyOnLocalRuntimeTest {
    private static final Instant START = Instant.parse("2026-11-28T02:00:00Z");

    private LocalAwsStack stack;
    private LocalLambdaRuntime runtime;
    private QueueDriver queues;

    @BeforeEach
    void start() {
        stack = LocalAwsStack.isolated();
        runtime = LocalLambdaRuntime.builder(stack).clock(ManualClock.at(START))
                .functions("ScheduleSurveyFunction", "DispatchDueSurveysFunction", "RecordSurveyResponseFunction")
                .build();
        queues = new QueueDriver(stack.sqs());
    }

    @AfterEach
    void stop() {
        runtime.close();
        stack.close();
    }

    private static String sample(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("events/surveys"))) {
            dir = dir.getParent();
        }
        return Files.readString(dir.resolve("events/surveys/" + name));
    }

    @Test
    void requestedSurveyGoesOutOnceWhenDueAndALowAnswerOpensOneCase() throws IOException {
        String request = sample("request-post-chat.json");
        queues.send(stack.queueUrl("SurveyRequestsQueue"), request);
        queues.send(stack.queueUrl("SurveyRequestsQueue"), request); // the scorer sent it twice
        runtime.drain();

        runtime.advanceClock(Duration.ofMinutes(15));
        assertThat(queues.receiveAll(stack.queueUrl("OutboundMessagesQueue"))).isEmpty();
        runtime.advanceClock(Duration.ofMinutes(16));
        runtime.advanceClock(Duration.ofMinutes(1));
        List<Message> outbound = queues.receiveAll(stack.queueUrl("OutboundMessagesQueue"));
        assertThat(outbound).hasSize(1);
        OutboundMessage survey = Json.mapper().readValue(outbound.get(0).body(), OutboundMessage.class);
        String id = SurveyIds.surveyId("chat:tr-20261128-0001");
        assertThat(survey.messageKey()).isEqualTo("survey:" + id);

        String token = survey.body().substring(survey.body().lastIndexOf('/') + 1);
        queues.send(stack.queueUrl("SurveyResponsesQueue"),
                sample("response-template.json").replace("REPLACE_WITH_TOKEN_FROM_LINK", token));
        runtime.drain();

        assertThat(queues.receiveAll(stack.queueUrl("FollowUpsQueue"))).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("\"followUpId\":\"survey-low:" + id + "\""));
        Map<String, AttributeValue> cell = stack.dynamoDb().getItem(b -> b
                .tableName(stack.tableName("SurveyAggregatesTable"))
                .key(Map.of("pk", AttributeValue.fromS("DAY#2026-11-28"),
                        "sk", AttributeValue.fromS("KIND#POST_CHAT#TEAM#presales-a#AGENT#agent-017")))).item();
        assertThat(cell.get("responses").n()).isEqualTo("1");
        assertThat(cell.get("csat4or5").n()).isEqualTo("0");
        assertThat(cell.get("detractors").n()).isEqualTo("1");
        assertThat(queues.receiveAll(stack.queueUrl("SurveyResponsesDlq"))).isEmpty();
    }
}

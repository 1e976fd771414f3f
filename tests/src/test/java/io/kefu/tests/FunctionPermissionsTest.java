package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.tests.template.FunctionPermissions;
import io.kefu.tests.template.TemplateJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every function's IAM role against its code (io.kefu.tests.template.FunctionPermissions): each SDK call the
 * handler can reach is allowed on exactly the table, index or queue its adapter uses, and nothing else is.
 */
class FunctionPermissionsTest {
    private final JsonNode template = TemplateJson.load();

    @Test
    void everyRoleAllowsExactlyWhatItsFunctionsCodeCalls() {
        assertThat(FunctionPermissions.problems(template)).isEmpty();
    }

    @Test
    void theCodeReadingFindsCallsThroughInterfacesMethodReferencesHelpersAndPriming() {
        // DispatchDueSurveys: preferences::find (method reference) -> GetItem; SurveyStore (interface) -> the
        // DueByTime query; SqsSurveyOutbox -> OutboundPublisher -> JsonQueue.send -> SendMessage.
        assertThat(FunctionPermissions.needed(template, "DispatchDueSurveysFunction").grants()).contains(
                "CustomerPreferencesTable|dynamodb:GetItem", "SurveysTable/index/DueByTime|dynamodb:Query",
                "OutboundMessagesQueue|sqs:SendMessage");
        // SweepStalledShipments: DynamoCareCaseStore builds the PendingByDueTime query and a helper sends it.
        assertThat(FunctionPermissions.needed(template, "SweepStalledShipmentsFunction").grants())
                .contains("CareCasesTable/index/PendingByDueTime|dynamodb:Query")
                .doesNotContain("SurveyRequestsQueue|sqs:SendMessage"); // only a shipment event asks for surveys
        // ScoreTranscript: SqsBatchProcessor -> PoisonParking (interface) -> DeadLetterParking; the priming read.
        assertThat(FunctionPermissions.needed(template, "ScoreTranscriptFunction").grants())
                .contains("TranscriptsDlq|sqs:SendMessage", "QaScoresTable|dynamodb:GetItem");
    }

    @Test
    void aMissingActionFails() {
        JsonNode bad = TemplateJson.mutated(t -> removeAction(t, "ScheduleSurveyRole", "dynamodb:PutItem"));
        assertThat(FunctionPermissions.problems(bad))
                .containsExactly("ScheduleSurveyFunction: role does not allow SurveysTable|dynamodb:PutItem (its code needs it)");
    }

    @Test
    void anUnusedActionFails() {
        JsonNode bad = TemplateJson.mutated(t -> firstStatement(t, "RecordSurveyResponseRole", "dynamodb:UpdateItem")
                .withArray("Action").add("dynamodb:DeleteItem"));
        assertThat(FunctionPermissions.problems(bad)).anyMatch(p -> p.contains("dynamodb:DeleteItem, which its code never uses"));
    }

    @Test
    void aWildcardResourceFails() {
        JsonNode bad = TemplateJson.mutated(t -> firstStatement(t, "ScheduleSurveyRole", "dynamodb:PutItem").put("Resource", "*"));
        assertThat(FunctionPermissions.problems(bad)).anyMatch(p -> p.contains("dynamodb:PutItem on wildcard resource *"));
    }

    @Test
    void aWildcardIndexResourceFails() {
        JsonNode bad = TemplateJson.mutated(t -> firstStatement(t, "DispatchDueSurveysRole", "dynamodb:Query")
                .set("Resource", TemplateJson.MAPPER.createObjectNode().put("Fn::Sub", "${SurveysTable.Arn}/index/*")));
        assertThat(FunctionPermissions.problems(bad)).anyMatch(p -> p.contains("on wildcard resource"));
    }

    @Test
    void aWildcardActionFails() {
        JsonNode bad = TemplateJson.mutated(t -> firstStatement(t, "ScheduleSurveyRole", "dynamodb:PutItem")
                .withArray("Action").add("dynamodb:*"));
        assertThat(FunctionPermissions.problems(bad)).anyMatch(p -> p.contains("wildcard action dynamodb:*"));
    }

    @Test
    void aManagedPolicyFails() {
        JsonNode bad = TemplateJson.mutated(t -> TemplateJson.properties(t, "ScoreTranscriptRole").putArray("ManagedPolicyArns")
                .add("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"));
        assertThat(FunctionPermissions.problems(bad)).anyMatch(p -> p.contains("ManagedPolicyArns"));
    }

    @Test
    void aFunctionWithoutItsOwnRoleFails() {
        // Without Role, SAM generates one and attaches AWSLambdaBasicExecutionRole / AWSLambdaSQSQueueExecutionRole.
        JsonNode bad = TemplateJson.mutated(t -> TemplateJson.properties(t, "ScoreTranscriptFunction").remove("Role"));
        assertThat(FunctionPermissions.problems(bad)).anyMatch(p -> p.startsWith("ScoreTranscriptFunction: Role must be"));
    }

    @Test
    void theKmsGrantMustBeConditionedOnTheService() {
        JsonNode bad = TemplateJson.mutated(t -> {
            for (JsonNode statement : statements(t, "ScoreTranscriptRole")) {
                if (statement.has("Fn::If")) {
                    ((ObjectNode) statement.path("Fn::If").get(1)).remove("Condition");
                }
            }
        });
        assertThat(FunctionPermissions.problems(bad)).contains("ScoreTranscriptRole: KMS statement without kms:ViaService");
    }

    private static ArrayNode statements(JsonNode template, String role) {
        return (ArrayNode) TemplateJson.properties(template, role).path("Policies").get(0).path("PolicyDocument").path("Statement");
    }

    private static ObjectNode firstStatement(JsonNode template, String role, String action) {
        for (JsonNode statement : statements(template, role)) {
            for (JsonNode a : TemplateJson.asArray(statement.path("Action"))) {
                if (a.asText().equals(action)) {
                    return (ObjectNode) statement;
                }
            }
        }
        throw new IllegalArgumentException(role + " has no statement with " + action);
    }

    private static void removeAction(JsonNode template, String role, String action) {
        ArrayNode actions = firstStatement(template, role, action).withArray("Action");
        List<JsonNode> kept = new java.util.ArrayList<>();
        actions.forEach(a -> { if (!a.asText().equals(action)) kept.add(a); });
        actions.removeAll().addAll(kept);
    }
}

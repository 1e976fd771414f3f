package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.local.stack.CfnTemplate;
import io.kefu.local.stack.RepoRoot;
import io.kefu.tests.template.SecurityChecks;
import io.kefu.tests.template.TemplateJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Security defaults of infra-template.yaml, checked on the parsed template so a new queue, table or
 * function cannot quietly drop them: encryption at rest everywhere (the customer-managed key when given), a DLQ
 * behind every queue, tables that survive a stack delete, queue policies (TLS only, listed principals only),
 * alarms on every DLQ and function, and a retention period on every function's logs. Each check is shown to
 * fail on a copy of the template with the weakness put back (io.kefu.tests.template.SecurityChecks).
 * The roles are checked against the code by FunctionPermissionsTest.
 */
class TemplateSecurityTest {
    private final CfnTemplate template = CfnTemplate.load(RepoRoot.template());

    @Test
    void everyQueueIsEncryptedAndEveryWorkQueueHasADeadLetterQueue() {
        Set<String> dlqTargets = new TreeSet<>();
        List<String> queues = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (!"AWS::SQS::Queue".equals(resource.get("Type"))) {
                return;
            }
            queues.add(id);
            Map<String, Object> props = properties(resource);
            assertThat(props.get("SqsManagedSseEnabled") != null || props.get("KmsMasterKeyId") != null)
                    .as(id + " encrypted at rest").isTrue();
            Object redrive = props.get("RedrivePolicy");
            if (redrive instanceof Map<?, ?> policy) {
                assertThat(policy.get("maxReceiveCount")).as(id + " maxReceiveCount").isNotNull();
                dlqTargets.add(String.valueOf(policy.get("deadLetterTargetArn")));
            }
        });
        assertThat(queues).hasSizeGreaterThanOrEqualTo(14);
        for (String id : queues) {
            boolean isDlq = dlqTargets.stream().anyMatch(target -> target.contains(id));
            Map<String, Object> props = properties(resources().get(id));
            assertThat(isDlq || props.get("RedrivePolicy") != null)
                    .as(id + " is a DLQ or has a RedrivePolicy to one").isTrue();
        }
    }

    @Test
    void everyTableIsEncryptedWithPointInTimeRecoveryAndOnDemand() {
        int tables = 0;
        for (var entry : resources().entrySet()) {
            if (!"AWS::DynamoDB::Table".equals(entry.getValue().get("Type"))) {
                continue;
            }
            tables++;
            Map<String, Object> props = properties(entry.getValue());
            assertThat(map(props.get("SSESpecification"))).as(entry.getKey() + " SSE").containsEntry("SSEEnabled", true);
            assertThat(map(props.get("PointInTimeRecoverySpecification"))).as(entry.getKey() + " PITR")
                    .containsEntry("PointInTimeRecoveryEnabled", true);
            assertThat(props.get("BillingMode")).as(entry.getKey() + " billing").isEqualTo("PAY_PER_REQUEST");
        }
        assertThat(tables).isGreaterThanOrEqualTo(7);
    }

    @Test
    void everyFunctionLogsToItsOwnGroupWithRetention() {
        assertThat(SecurityChecks.everyFunctionLogsToItsGroupWithRetention(TemplateJson.load())).isEmpty();
        flags(SecurityChecks::everyFunctionLogsToItsGroupWithRetention,
                t -> TemplateJson.properties(t, "ScoreTranscriptLogGroup").remove("RetentionInDays"),
                "ScoreTranscriptLogGroup: no RetentionInDays");
    }

    @Test
    void tablesSurviveAStackDeleteAndAreDeletionProtected() {
        assertThat(SecurityChecks.tablesAreRetainedAndProtected(TemplateJson.load())).isEmpty();
        flags(SecurityChecks::tablesAreRetainedAndProtected,
                t -> TemplateJson.resource(t, "SurveysTable").remove("DeletionPolicy"),
                "SurveysTable: DeletionPolicy is not Retain (a stack delete destroys the data)");
        flags(SecurityChecks::tablesAreRetainedAndProtected,
                t -> TemplateJson.resource(t, "SurveysTable").put("UpdateReplacePolicy", "Delete"),
                "SurveysTable: UpdateReplacePolicy is not Retain (a replacing update destroys the data)");
        flags(SecurityChecks::tablesAreRetainedAndProtected,
                t -> TemplateJson.properties(t, "QaScoresTable").put("DeletionProtectionEnabled", false),
                "QaScoresTable: DeletionProtectionEnabled is not true");
    }

    @Test
    void theCustomerManagedKeyWhenGivenEncryptsEveryQueueTableLogGroupAndTopic() {
        assertThat(SecurityChecks.theCustomerKeyIsUsedEverywhere(TemplateJson.load())).isEmpty();
        flags(SecurityChecks::theCustomerKeyIsUsedEverywhere,
                t -> TemplateJson.properties(t, "CareApprovalsDlq").remove("KmsMasterKeyId"),
                "CareApprovalsDlq: KmsMasterKeyId is not the KmsKeyArn key when given");
        flags(SecurityChecks::theCustomerKeyIsUsedEverywhere,
                t -> ((ObjectNode) TemplateJson.properties(t, "ShipmentsTable").path("SSESpecification")).remove("KMSMasterKeyId"),
                "ShipmentsTable: SSESpecification is not KMS with the KmsKeyArn key when given");
        flags(SecurityChecks::theCustomerKeyIsUsedEverywhere,
                t -> TemplateJson.properties(t, "ScheduleSurveyLogGroup").remove("KmsKeyId"),
                "ScheduleSurveyLogGroup: KmsKeyId is not the KmsKeyArn key when given");
        flags(SecurityChecks::theCustomerKeyIsUsedEverywhere,
                t -> TemplateJson.properties(t, "TranscriptsQueue").put("SqsManagedSseEnabled", false),
                "TranscriptsQueue: SqsManagedSseEnabled is not true when no key is given");
    }

    @Test
    void everyQueueDeniesRequestsWithoutTls() {
        assertThat(SecurityChecks.everyQueueDeniesRequestsWithoutTls(TemplateJson.load())).isEmpty();
        flags(SecurityChecks::everyQueueDeniesRequestsWithoutTls,
                t -> ((ArrayNode) TemplateJson.properties(t, "FollowUpsDlqPolicy")
                .path("PolicyDocument").path("Statement")).remove(0),
                "FollowUpsDlq: no queue policy statement denies sqs:* when aws:SecureTransport is false");
        flags(SecurityChecks::everyQueueDeniesRequestsWithoutTls,
                t -> ((ObjectNode) t.path("Resources")).remove("TranscriptsQueuePolicy"),
                "TranscriptsQueue: no queue policy statement denies sqs:* when aws:SecureTransport is false");
    }

    @Test
    void onlyTheConfiguredProducersAndTheFunctionsRolesSendToAndReadTheQueues() {
        assertThat(SecurityChecks.onlyListedPrincipalsSendAndRead(TemplateJson.load())).isEmpty();
        // a role that the template lets send, missing from the queue's list: it would be denied at run time
        JsonNode missing = TemplateJson.mutated(t -> removeListed(t, "OutboundMessagesQueuePolicy", "DispatchDueSurveysRole"));
        assertThat(SecurityChecks.onlyListedPrincipalsSendAndRead(missing)).singleElement().asString()
                .startsWith("OutboundMessagesQueue: sqs:SendMessage is open to [HandleShipmentEventRole, OperatorPrincipal, SweepStalledShipmentsRole]");
        // the deny for everyone else removed: any principal with IAM rights could send transcripts
        JsonNode open = TemplateJson.mutated(t -> ((ArrayNode) TemplateJson.properties(t, "TranscriptsQueuePolicy")
                .path("PolicyDocument").path("Statement")).remove(1));
        assertThat(SecurityChecks.onlyListedPrincipalsSendAndRead(open))
                .anyMatch(p -> p.startsWith("TranscriptsQueue: no statement denies sqs:SendMessage"));
        // a reader that should not be there
        JsonNode extra = TemplateJson.mutated(t -> addListed(t, "FollowUpsQueuePolicy", "ScheduleSurveyRole"));
        assertThat(SecurityChecks.onlyListedPrincipalsSendAndRead(extra)).anyMatch(p -> p.contains("ScheduleSurveyRole"));
    }

    @Test
    void everyDeadLetterQueueAndFunctionHasAnAlarm() {
        assertThat(SecurityChecks.everyDlqAndFunctionHasAlarms(TemplateJson.load())).isEmpty();
        flags(SecurityChecks::everyDlqAndFunctionHasAlarms,
                t -> ((ObjectNode) t.path("Resources")).remove("SurveyResponsesDlqAlarm"),
                "SurveyResponsesDlq: no alarm on ApproximateNumberOfMessagesVisible > 0 to the alarm topic");
        flags(SecurityChecks::everyDlqAndFunctionHasAlarms,
                t -> ((ObjectNode) t.path("Resources")).remove("ScheduleSurveyThrottlesAlarm"),
                "ScheduleSurveyFunction: no alarm on Throttles > 0 to the alarm topic");
        flags(SecurityChecks::everyDlqAndFunctionHasAlarms,
                t -> TemplateJson.properties(t, "ScoreTranscriptErrorsAlarm").putArray("AlarmActions"),
                "ScoreTranscriptFunction: no alarm on Errors > 0 to the alarm topic");
    }

    /** The check finds exactly {@code expected} on a copy of the template with {@code weakness} applied. */
    private static void flags(java.util.function.Function<JsonNode, List<String>> check,
                              java.util.function.Consumer<ObjectNode> weakness, String expected) {
        assertThat(check.apply(TemplateJson.mutated(weakness))).containsExactly(expected);
    }

    private static ArrayNode denyList(JsonNode template, String policy) {
        for (JsonNode statement : TemplateJson.properties(template, policy).path("PolicyDocument").path("Statement")) {
            JsonNode list = statement.path("Condition").path("ArnNotEquals").path("aws:PrincipalArn");
            if (list.isArray() && statement.path("Action").toString().contains("sqs:SendMessage")) {
                return (ArrayNode) list;
            }
        }
        throw new IllegalArgumentException(policy + " has no unconditional SendMessage deny list");
    }

    private static void removeListed(JsonNode template, String policy, String role) {
        ArrayNode list = denyList(template, policy);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).path("Fn::GetAtt").path(0).asText().equals(role)) {
                list.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException(role + " not listed in " + policy);
    }

    private static void addListed(JsonNode template, String policy, String role) {
        for (JsonNode statement : TemplateJson.properties(template, policy).path("PolicyDocument").path("Statement")) {
            for (JsonNode branch : TemplateJson.branches(statement)) {
                JsonNode list = branch.path("Condition").path("ArnNotEquals").path("aws:PrincipalArn");
                if (list.isArray() && branch.path("Action").toString().contains("sqs:ReceiveMessage")) {
                    ((ArrayNode) list).addObject().putArray("Fn::GetAtt").add(role).add("Arn");
                }
            }
        }
    }

    private Map<String, Map<String, Object>> resources() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) template.raw().get("Resources");
        return resources;
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}

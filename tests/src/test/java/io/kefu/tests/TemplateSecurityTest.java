package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.CfnTemplate;
import io.kefu.local.stack.RepoRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Security defaults of infra-template.yaml, checked on the parsed template so a new queue, table or
 * function cannot quietly drop them: encryption at rest everywhere, a DLQ behind every queue that a
 * function or producer reads, point-in-time recovery, and a retention period on every function's logs.
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
    void everyFunctionHasALogGroupWithRetention() {
        Map<String, Map<String, Object>> resources = resources();
        for (var entry : resources.entrySet()) {
            if (!"AWS::Serverless::Function".equals(entry.getValue().get("Type"))) {
                continue;
            }
            String function = entry.getKey();
            boolean hasRetention = resources.values().stream()
                    .filter(r -> "AWS::Logs::LogGroup".equals(r.get("Type")))
                    .map(TemplateSecurityTest::properties)
                    .anyMatch(p -> String.valueOf(p.get("LogGroupName")).contains("${" + function + "}")
                            && p.get("RetentionInDays") != null);
            assertThat(hasRetention).as(function + " log group with RetentionInDays").isTrue();
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

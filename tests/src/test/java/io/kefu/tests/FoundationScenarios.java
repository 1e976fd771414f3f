package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.CfnTemplate;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.local.stack.Specs;
import io.kefu.tests.support.ScenarioBackend;
import io.kefu.tests.support.Templates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Foundation scenarios, run on every backend (see {@link ScenarioBackend}). */
abstract class FoundationScenarios implements ScenarioBackend {

    @Test
    void bootstrapCreatesEveryQueueRedriveTableAndIndexOfTheTemplate() {
        LocalAwsStack stack = stack(Templates.main());
        CfnTemplate template = stack.template();
        String prefix = "kefu-" + stack.stage() + "-";

        assertThat(stack.sqs().listQueues(b -> b.queueNamePrefix(prefix)).queueUrls().stream()
                .map(url -> url.substring(url.lastIndexOf('/') + 1)).collect(Collectors.toSet()))
                .isEqualTo(template.queues().stream().map(Specs.QueueSpec::name).collect(Collectors.toSet()));
        for (Specs.QueueSpec queue : template.queues()) {
            Map<String, String> attributes = stack.sqs().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queue.logicalId()))
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            assertThat(attributes.get("VisibilityTimeout")).as(queue.logicalId())
                    .isEqualTo(queue.attributes().getOrDefault("VisibilityTimeout", "30"));
            queue.redrive().ifPresentOrElse(
                    r -> assertThat(attributes.get("RedrivePolicy")).as(queue.logicalId())
                            .contains(stack.queueArn(r.deadLetterQueueLogicalId()))
                            .containsPattern("\"maxReceiveCount\"\\s*:\\s*\"?" + r.maxReceiveCount()),
                    () -> assertThat(attributes).as(queue.logicalId()).doesNotContainKey("RedrivePolicy"));
        }

        assertThat(stack.dynamoDb().listTablesPaginator().tableNames().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toSet()))
                .isEqualTo(template.tables().stream().map(Specs.TableSpec::name).collect(Collectors.toSet()));
        for (Specs.TableSpec table : template.tables()) {
            TableDescription actual = stack.dynamoDb().describeTable(b -> b.tableName(table.name())).table();
            assertThat(actual.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList())
                    .as(table.logicalId()).containsExactlyInAnyOrderElementsOf(keys(table.keySchema()));
            assertThat(actual.globalSecondaryIndexes().stream().collect(Collectors.toMap(
                    i -> i.indexName(), i -> Set.copyOf(i.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList()))))
                    .as(table.logicalId() + " GSIs")
                    .isEqualTo(table.globalSecondaryIndexes().stream().collect(Collectors.toMap(
                            Specs.IndexSpec::name, i -> Set.copyOf(keys(i.keySchema())))));
        }
    }

    @Test
    void aFailedMessageIsRetriedThenRedrivenToTheDlqWhileTheRestOfItsBatchIsDeleted() {
        LocalAwsStack stack = stack(Templates.scenario());
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).functions("JobFunction")
                .failedMessageVisibility(Duration.ZERO).build();
        List<SendMessageBatchRequestEntry> entries = List.of("a", "poison", "b").stream()
                .map(body -> SendMessageBatchRequestEntry.builder().id(body).messageBody(body).build()).toList();
        stack.sqs().sendMessageBatch(b -> b.queueUrl(stack.queueUrl("JobsQueue")).entries(entries));

        runtime.drain(Duration.ofSeconds(90));

        assertThat(doneKeys(stack)).containsExactlyInAnyOrder("job#a", "job#b");
        assertThat(stack.sqs().receiveMessage(b -> b.queueUrl(stack.queueUrl("JobsDlq")).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages()).extracting(m -> m.body()).containsExactly("poison");
        assertThat(runtime.stats("JobFunction").messagesFailed()).isEqualTo(2); // maxReceiveCount: 2
        assertThat(runtime.stats("JobFunction").messagesDeleted()).isEqualTo(2);
    }

    @Test
    void aScheduledFunctionFiresWhenTheInjectedClockPassesItsTime() {
        LocalAwsStack stack = stack(Templates.scenario());
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder(stack).functions("NightlyFunction")
                .clock(ManualClock.at(Instant.parse("2026-06-01T01:00:00Z"))).build();

        runtime.advanceClock(Duration.ofMinutes(59));
        assertThat(doneKeys(stack)).isEmpty();

        runtime.advanceClock(Duration.ofMinutes(1));
        assertThat(doneKeys(stack)).containsExactly("nightly#2026-06-01T02:00:00Z");
        assertThat(runtime.invocations("NightlyFunction")).isEqualTo(1);
    }

    private static List<String> keys(List<Specs.KeyPart> parts) {
        return parts.stream().map(k -> k.attributeName() + ":" + k.keyType()).toList();
    }

    private static List<String> doneKeys(LocalAwsStack stack) {
        return stack.dynamoDb().scan(b -> b.tableName(stack.tableName("DoneTable"))).items().stream()
                .map(item -> item.get("pk").s()).toList();
    }
}

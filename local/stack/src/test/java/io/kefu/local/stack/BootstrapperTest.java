package io.kefu.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.Specs.IndexSpec;
import io.kefu.local.stack.Specs.KeyPart;
import io.kefu.local.stack.Specs.QueueSpec;
import io.kefu.local.stack.Specs.TableSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class BootstrapperTest {

    @Test
    void createsExactlyTheQueuesRedrivesTablesAndIndexesTheTemplateDeclares() {
        LocalAwsStack stack = LocalAwsStack.isolated();
        CfnTemplate template = stack.template();
        String prefix = "kefu-" + stack.stage() + "-";

        Set<String> declaredQueues = template.queues().stream().map(QueueSpec::name).collect(Collectors.toSet());
        Set<String> actualQueues = stack.sqs().listQueues(b -> b.queueNamePrefix(prefix)).queueUrls().stream()
                .map(url -> url.substring(url.lastIndexOf('/') + 1)).collect(Collectors.toSet());
        assertThat(declaredQueues).isNotEmpty();
        assertThat(actualQueues).isEqualTo(declaredQueues);

        for (QueueSpec queue : template.queues()) {
            Map<String, String> attributes = stack.sqs().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queue.logicalId()))
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            // ElasticMQ does not report MessageRetentionPeriod or SSE; every attribute it reports must match.
            queue.attributes().forEach((name, value) -> {
                if (attributes.containsKey(name) || !stack.embedded()) {
                    assertThat(attributes).as(queue.logicalId() + "." + name).containsEntry(name, value);
                }
            });
            if (queue.redrive().isPresent()) {
                String policy = attributes.get("RedrivePolicy");
                assertThat(policy).as(queue.logicalId() + " redrive")
                        .contains(stack.queueArn(queue.redrive().get().deadLetterQueueLogicalId()))
                        .containsPattern("\"maxReceiveCount\"\\s*:\\s*\"?" + queue.redrive().get().maxReceiveCount());
            } else {
                assertThat(attributes).as(queue.logicalId()).doesNotContainKey("RedrivePolicy");
            }
        }

        Set<String> declaredTables = template.tables().stream().map(TableSpec::name).collect(Collectors.toSet());
        Set<String> actualTables = stack.dynamoDb().listTables().tableNames().stream()
                .filter(name -> name.startsWith(prefix)).collect(Collectors.toSet());
        assertThat(declaredTables).isNotEmpty();
        assertThat(actualTables).isEqualTo(declaredTables);

        for (TableSpec table : template.tables()) {
            TableDescription actual = stack.dynamoDb().describeTable(b -> b.tableName(table.name())).table();
            assertThat(keys(actual.keySchema().stream().map(k -> new KeyPart(k.attributeName(), k.keyTypeAsString())).toList()))
                    .isEqualTo(keys(table.keySchema()));
            Map<String, List<KeyPart>> declaredIndexes = table.globalSecondaryIndexes().stream()
                    .collect(Collectors.toMap(IndexSpec::name, IndexSpec::keySchema));
            Map<String, List<KeyPart>> actualIndexes = actual.globalSecondaryIndexes().stream()
                    .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName,
                            i -> i.keySchema().stream().map(k -> new KeyPart(k.attributeName(), k.keyTypeAsString())).toList()));
            assertThat(actualIndexes).as(table.logicalId() + " GSIs").isEqualTo(declaredIndexes);
        }
    }

    @Test
    void bootstrappingTwiceKeepsTheSameResources() {
        LocalAwsStack stack = LocalAwsStack.isolated();
        Bootstrapper.Resources again = new Bootstrapper(stack.sqs(), stack.dynamoDb(), true, m -> { })
                .bootstrap(stack.template());
        assertThat(again).isEqualTo(stack.resources());
    }

    @Test
    void resetEmptiesQueuesAndTables() {
        LocalAwsStack stack = LocalAwsStack.isolated();
        String queue = stack.queueUrl("TranscriptsQueue");
        String table = stack.tableName("QaScoresTable");
        stack.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{}"));
        stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("b"))));

        stack.reset();

        assertThat(stack.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(0)).messages()).isEmpty();
        assertThat(stack.dynamoDb().scan(b -> b.tableName(table)).count()).isZero();
    }

    private static Set<String> keys(List<KeyPart> parts) {
        return parts.stream().map(k -> k.attributeName() + ":" + k.keyType()).collect(Collectors.toSet());
    }
}

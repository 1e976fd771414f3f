package io.kefu.local.stack;

import io.kefu.local.stack.Specs.IndexSpec;
import io.kefu.local.stack.Specs.KeyPart;
import io.kefu.local.stack.Specs.QueueSpec;
import io.kefu.local.stack.Specs.TableSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates the queues (with DLQ redrive) and tables (with indexes) that a {@link CfnTemplate} declares, on any
 * endpoint: the embedded emulators, LocalStack or a real account. Idempotent: existing resources are kept.
 *
 * <p>Not applied: SSE, KMS keys, point-in-time recovery, deletion protection and the template's IAM roles, queue
 * policies, alarms and log groups (deploy-time security, SAM's job; one logged note per bootstrap says so); TTL
 * where the target cannot do it (dynalite), with a logged note.
 */
public final class Bootstrapper {
    /** SQS attributes the embedded ElasticMQ rejects or ignores; AWS and LocalStack get them all. */
    private static final List<String> NOT_ON_ELASTICMQ = List.of("SqsManagedSseEnabled");

    /** Resource types of the template that only a deployment creates. */
    private static final List<String> DEPLOY_ONLY = List.of("AWS::IAM::Role", "AWS::SQS::QueuePolicy",
            "AWS::CloudWatch::Alarm", "AWS::SNS::Topic", "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription",
            "AWS::Logs::LogGroup");

    private static final java.util.concurrent.atomic.AtomicBoolean DEPLOY_ONLY_NOTED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final boolean embedded;
    private final Consumer<String> log;

    public Bootstrapper(SqsClient sqs, DynamoDbClient dynamoDb, boolean embedded, Consumer<String> log) {
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
        this.embedded = embedded;
        this.log = log;
    }

    /** What was created, by logical id. */
    public record Resources(Map<String, String> queueUrls, Map<String, String> queueArns,
                            Map<String, String> tableNames, Map<String, String> tableArns) {}

    public Resources bootstrap(CfnTemplate template) {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> arns = new LinkedHashMap<>();
        List<QueueSpec> queues = template.queues();
        for (QueueSpec queue : queues) {
            String url = createQueue(queue);
            urls.put(queue.logicalId(), url);
            arns.put(queue.logicalId(), sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        for (QueueSpec queue : queues) {
            queue.redrive().ifPresent(redrive -> {
                String dlqArn = arns.get(redrive.deadLetterQueueLogicalId());
                if (dlqArn == null) {
                    throw new IllegalStateException(queue.logicalId() + ": DLQ " + redrive.deadLetterQueueLogicalId()
                            + " is not a queue in the template");
                }
                String policy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                        + redrive.maxReceiveCount() + "\"}";
                sqs.setQueueAttributes(b -> b.queueUrl(urls.get(queue.logicalId()))
                        .attributesWithStrings(Map.of("RedrivePolicy", policy)));
            });
        }
        Map<String, String> tableNames = new LinkedHashMap<>();
        List<String> ttlSkipped = new java.util.ArrayList<>();
        Map<String, String> tableArns = new LinkedHashMap<>();
        for (TableSpec table : template.tables()) {
            TableDescription description = createTable(table);
            tableNames.put(table.logicalId(), table.name());
            tableArns.put(table.logicalId(), description.tableArn());
            table.ttlAttribute().ifPresent(attribute -> {
                if (embedded) {
                    ttlSkipped.add(table.name());
                } else {
                    enableTtl(table, attribute);
                }
            });
        }
        if (!ttlSkipped.isEmpty()) {
            log.accept("note: TTL not enabled on " + ttlSkipped + ": dynalite has no UpdateTimeToLive");
        }
        Map<String, Integer> deployOnly = new java.util.TreeMap<>();
        template.resourceTypes().values().stream().filter(DEPLOY_ONLY::contains)
                .forEach(type -> deployOnly.merge(type, 1, Integer::sum));
        if (!deployOnly.isEmpty() && !DEPLOY_ONLY_NOTED.getAndSet(true)) {
            log.accept("note: not applied here (deploy-time security, applied by SAM): " + deployOnly
                    + ", KMS keys, SSE, PITR, deletion protection");
        }
        log.accept("bootstrapped " + urls.size() + " queues and " + tableNames.size() + " tables for stage "
                + template.stage());
        return new Resources(Map.copyOf(urls), Map.copyOf(arns), Map.copyOf(tableNames), Map.copyOf(tableArns));
    }

    /** Finds the template's resources without creating anything (they must exist). */
    public Resources lookup(CfnTemplate template) {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> arns = new LinkedHashMap<>();
        for (QueueSpec queue : template.queues()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue.name())).queueUrl();
            urls.put(queue.logicalId(), url);
            arns.put(queue.logicalId(), sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        Map<String, String> tableNames = new LinkedHashMap<>();
        Map<String, String> tableArns = new LinkedHashMap<>();
        for (TableSpec table : template.tables()) {
            tableNames.put(table.logicalId(), table.name());
            tableArns.put(table.logicalId(), dynamoDb.describeTable(b -> b.tableName(table.name())).table().tableArn());
        }
        return new Resources(Map.copyOf(urls), Map.copyOf(arns), Map.copyOf(tableNames), Map.copyOf(tableArns));
    }

    private String createQueue(QueueSpec queue) {
        Map<String, String> attributes = new LinkedHashMap<>(queue.attributes());
        if (embedded) {
            NOT_ON_ELASTICMQ.forEach(attributes::remove);
        }
        try {
            return sqs.createQueue(b -> b.queueName(queue.name()).attributesWithStrings(attributes)).queueUrl();
        } catch (QueueNameExistsException differentAttributes) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue.name())).queueUrl();
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(attributes));
            return url;
        }
    }

    private TableDescription createTable(TableSpec table) {
        try {
            return waitActive(dynamoDb.describeTable(b -> b.tableName(table.name())).table());
        } catch (ResourceNotFoundException absent) {
            // create below
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(table.attributeTypes().entrySet().stream()
                        .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                        .toList())
                .keySchema(keySchema(table.keySchema()));
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                    .map(i -> GlobalSecondaryIndex.builder().indexName(i.name()).keySchema(keySchema(i.keySchema()))
                            .projection(projection(i)).build())
                    .toList());
        }
        if (!table.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localSecondaryIndexes().stream()
                    .map(i -> LocalSecondaryIndex.builder().indexName(i.name()).keySchema(keySchema(i.keySchema()))
                            .projection(projection(i)).build())
                    .toList());
        }
        try {
            return waitActive(dynamoDb.createTable(request.build()).tableDescription());
        } catch (ResourceInUseException raced) {
            return waitActive(dynamoDb.describeTable(b -> b.tableName(table.name())).table());
        }
    }

    private TableDescription waitActive(TableDescription description) {
        TableDescription current = description;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long sleepMs = 20;
        while (current.tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + current.tableName() + " did not become ACTIVE");
            }
            sleep(sleepMs);
            sleepMs = Math.min(sleepMs * 2, 2000);
            String name = current.tableName();
            current = dynamoDb.describeTable(b -> b.tableName(name)).table();
        }
        return current;
    }

    private void enableTtl(TableSpec table, String attribute) {
        try {
            dynamoDb.updateTimeToLive(b -> b.tableName(table.name())
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            if (code.equals("UnknownOperationException")) { // dynalite reached through an endpoint flag
                log.accept("note: " + table.name() + " TTL not enabled: the endpoint has no UpdateTimeToLive");
            } else if (e.getMessage() == null || !e.getMessage().contains("already enabled")) {
                throw e;
            }
        }
    }

    private static List<KeySchemaElement> keySchema(List<KeyPart> parts) {
        return parts.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
                .toList();
    }

    private static Projection projection(IndexSpec index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    /** Package-wide: the emulators' start-up retries wait with it too. */
    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.kefu.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.local.stack.FaultInjectingProxy.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class FaultInjectingProxyTest {
    private final LocalAwsStack stack = LocalAwsStack.isolated();

    @Test
    void forwardsCallsUntouchedWhenNoFaultIsSet() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(stack.dynamoDbEndpoint())) {
            DynamoDbClient dynamo = dynamo(proxy, 0);
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("r"), "sk", AttributeValue.fromS("1"));
            dynamo.putItem(b -> b.tableName(stack.tableName("RulebooksTable")).item(key));
            assertThat(dynamo.getItem(b -> b.tableName(stack.tableName("RulebooksTable")).key(key)).hasItem()).isTrue();
            assertThat(proxy.calls("PutItem")).isEqualTo(1);
            assertThat(proxy.injectedFaults()).isZero();
        }
    }

    @Test
    void throttlingIsRetriedBySdkAndTheCallSucceedsOnceItStops() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(stack.dynamoDbEndpoint())) {
            proxy.fail("PutItem", Fault.THROTTLE, 0, 2);
            DynamoDbClient dynamo = dynamo(proxy, 3);
            dynamo.putItem(b -> b.tableName(stack.tableName("RulebooksTable"))
                    .item(Map.of("pk", AttributeValue.fromS("r"), "sk", AttributeValue.fromS("2"))));
            assertThat(proxy.calls("PutItem")).isEqualTo(3);
            assertThat(proxy.injectedFaults()).isEqualTo(2);
        }
    }

    @Test
    void throttlingBeyondTheRetryBudgetSurfacesAsThrottlingError() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(stack.dynamoDbEndpoint())) {
            proxy.failAll(Fault.THROTTLE);
            DynamoDbClient dynamo = dynamo(proxy, 0);
            assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName(stack.tableName("RulebooksTable"))
                    .key(Map.of("pk", AttributeValue.fromS("r"), "sk", AttributeValue.fromS("3")))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
        }
    }

    @Test
    void crashFailsOnlyTheChosenCallWithoutRetry() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(stack.dynamoDbEndpoint())) {
            proxy.fail("PutItem", Fault.CRASH, 1, 1);
            DynamoDbClient dynamo = dynamo(proxy, 3);
            String table = stack.tableName("RulebooksTable");
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1"))));
            assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", AttributeValue.fromS("b"), "sk", AttributeValue.fromS("1")))))
                    .isInstanceOf(ResourceNotFoundException.class);
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("c"), "sk", AttributeValue.fromS("1"))));
            assertThat(proxy.calls("PutItem")).isEqualTo(3);
        }
    }

    @Test
    void sqsSendCanBeMadeToFailLikeACrashBetweenTwoEffects() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(stack.sqsEndpoint())) {
            proxy.fail("SendMessage", Fault.CRASH, 0, 1);
            SqsClient sqs = SqsClient.builder()
                    .endpointOverride(proxy.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            String queue = stack.queueUrl("FollowUpsQueue");
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(queue).messageBody("x")))
                    .isInstanceOf(QueueDoesNotExistException.class);
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("y"));
            assertThat(stack.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages())
                    .extracting(m -> m.body()).containsExactly("y");
        }
    }

    private static DynamoDbClient dynamo(FaultInjectingProxy proxy, int retries) {
        return DynamoDbClient.builder()
                .endpointOverride(proxy.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(retries + 1).backoffStrategy(
                                software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(10)))
                                .throttlingBackoffStrategy(
                                software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(10))))
                        .build())
                .build();
    }
}

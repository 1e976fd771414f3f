package io.kefu.tests.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.runtime.Environment;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Scenario handler: records each run in DONE_TABLE under the handler clock's time. */
public final class NightlyHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final Environment env;
    private final DynamoDbClient dynamoDb;

    public NightlyHandler(Environment env) {
        this.env = env;
        this.dynamoDb = AwsClients.dynamoDb(env);
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        dynamoDb.putItem(b -> b.tableName(env.require("DONE_TABLE"))
                .item(Map.of("pk", AttributeValue.fromS("nightly#" + env.clock().instant()))));
        return Map.of();
    }
}

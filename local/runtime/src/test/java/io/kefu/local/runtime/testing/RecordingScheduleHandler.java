package io.kefu.local.runtime.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.runtime.Environment;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Test handler: stores one item per scheduled invocation, keyed by the event time, with the handler's clock time. */
public final class RecordingScheduleHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final Environment env;
    private final DynamoDbClient dynamoDb;

    public RecordingScheduleHandler(Environment env) {
        this.env = env;
        this.dynamoDb = AwsClients.dynamoDb(env);
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        String eventTime = java.time.Instant.ofEpochMilli(event.getTime().getMillis()).toString();
        dynamoDb.putItem(b -> b.tableName(env.require("RESULTS_TABLE")).item(Map.of(
                "pk", AttributeValue.fromS("tick#" + eventTime),
                "clock", AttributeValue.fromS(env.clock().instant().toString()),
                "source", AttributeValue.fromS(event.getSource()))));
        return Map.of("ok", true);
    }
}

package io.kefu.local.runtime.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.runtime.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Test handler: stores each body in RESULTS_TABLE with its receive count; reports bodies starting with "fail" as
 * batch item failures; throws (failing the whole batch) when a body is "boom" on its first receive.
 */
public final class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public RecordingSqsHandler(Environment env) {
        this.dynamoDb = AwsClients.dynamoDb(env);
        this.table = env.require("RESULTS_TABLE");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String receiveCount = message.getAttributes().get("ApproximateReceiveCount");
            if (message.getBody().equals("boom") && receiveCount.equals("1")) {
                throw new IllegalStateException("boom");
            }
            if (message.getBody().startsWith("fail")) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                continue;
            }
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("msg#" + message.getBody()),
                    "receiveCount", AttributeValue.fromN(receiveCount),
                    "batchSize", AttributeValue.fromN(Integer.toString(event.getRecords().size())))));
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}

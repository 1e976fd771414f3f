package io.kefu.tests.support;

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

/** Scenario handler: records each job in DONE_TABLE; reports bodies starting with "poison" as failed. */
public final class JobHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public JobHandler(Environment env) {
        this.dynamoDb = AwsClients.dynamoDb(env);
        this.table = env.require("DONE_TABLE");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (message.getBody().startsWith("poison")) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            } else {
                dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("job#" + message.getBody()))));
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}

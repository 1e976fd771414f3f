package io.kefu.functions.shipment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.app.care.ShipmentEventService;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.aws.DeadLetterParking;
import io.kefu.shared.aws.SqsBatchProcessor;
import io.kefu.shared.aws.care.CareComponents;
import io.kefu.shared.contract.ShipmentEventMessage;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.runtime.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Shipment status events from the order system: track the parcel, detect delays, send one
 * proactive care notice per order and incident, follow up on recovery (docs/care-policy.md).
 */
public final class HandleShipmentEventHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final ShipmentEventService service;
    private final Priming priming;

    public HandleShipmentEventHandler() {
        this(Environment.fromSystem());
    }

    public HandleShipmentEventHandler(Environment env) {
        SqsClient sqs = AwsClients.sqs(env);
        EventLog log = new EventLog("handle-shipment-event", env.clock());
        this.batch = new SqsBatchProcessor(new DeadLetterParking(sqs, env.require("DEAD_LETTER_QUEUE_URL")), log);
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        this.service = new CareComponents(env, dynamo, sqs).shipmentEvents(log);
        this.priming = Priming.register("handle-shipment-event", log,
                Priming.decode(ShipmentEventMessage.CONTRACT, "shipment-event", ShipmentEventMessage::toDomain),
                AwsClients.primingRead(dynamo, env.require("SHIPMENTS_TABLE")));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, ShipmentEventMessage.CONTRACT, 
                (message, meta) -> service.handle(message.toDomain(), meta.invocation()));
    }
}

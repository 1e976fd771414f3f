package io.kefu.functions.shipment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.runtime.Environment;

/** Placeholder until issue 4 lands. */
public final class HandleShipmentEventHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Environment env;

    public HandleShipmentEventHandler() {
        this(Environment.fromSystem());
    }

    public HandleShipmentEventHandler(Environment env) {
        this.env = env;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        throw new UnsupportedOperationException("HandleShipmentEventHandler is not implemented yet (issue 4)");
    }
}

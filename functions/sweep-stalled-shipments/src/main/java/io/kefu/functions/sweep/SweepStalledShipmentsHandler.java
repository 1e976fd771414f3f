package io.kefu.functions.sweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.kefu.shared.app.care.StalledShipmentSweep;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.aws.LambdaInvocation;
import io.kefu.shared.aws.care.CareComponents;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.runtime.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import java.time.Clock;
import java.util.Map;

/**
 * Every few minutes: send care messages that have become due (quiet hours over, cap window passed,
 * or left pending by a crash), then find in-transit shipments without a scan for too long.
 * Returns a summary: pendingSeen, deferredSent, deferredAgain, stalledFound, noticesSent, noticesDeferred.
 */
public final class SweepStalledShipmentsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final StalledShipmentSweep sweep;
    private final Clock clock;
    private final Priming priming;

    public SweepStalledShipmentsHandler() {
        this(Environment.fromSystem());
    }

    public SweepStalledShipmentsHandler(Environment env) {
        EventLog log = new EventLog("sweep-stalled-shipments", env.clock());
        this.clock = env.clock();
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        this.sweep = new CareComponents(env, dynamo, AwsClients.sqs(env)).sweep(log);
        this.priming = Priming.register("sweep-stalled-shipments", log,
                AwsClients.primingRead(dynamo, env.require("SHIPMENTS_TABLE")));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return sweep.run(LambdaInvocation.of(context, clock));
    }
}

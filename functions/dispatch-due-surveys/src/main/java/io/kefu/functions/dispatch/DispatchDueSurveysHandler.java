package io.kefu.functions.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.aws.LambdaInvocation;
import io.kefu.shared.aws.CustomerPreferencesRepository;
import io.kefu.shared.aws.OutboundPublisher;
import io.kefu.shared.aws.survey.DynamoSurveyStore;
import io.kefu.shared.aws.survey.SqsSurveyOutbox;
import io.kefu.shared.domain.survey.SurveyPolicy;
import io.kefu.shared.domain.survey.SurveyPolicyLoader;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.runtime.Priming;
import io.kefu.shared.survey.DispatchDueSurveysService;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every minute: send what is due (exactly once per survey), send the one reminder, expire what went
 * unanswered. Returns {sent, reminded, expired, retried, cancelled, failed}.
 */
public final class DispatchDueSurveysHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final DispatchDueSurveysService service;
    private final Clock clock;
    private final Priming priming;

    public DispatchDueSurveysHandler() {
        this(Environment.fromSystem());
    }

    public DispatchDueSurveysHandler(Environment env) {
        SurveyPolicy policy = SurveyPolicyLoader.loadDefault();
        this.clock = env.clock();
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        SqsClient sqs = AwsClients.sqs(env);
        CustomerPreferencesRepository preferences =
                new CustomerPreferencesRepository(dynamo, env.require("CUSTOMER_PREFERENCES_TABLE"));
        this.service = new DispatchDueSurveysService(policy,
                new DynamoSurveyStore(dynamo, env.require("SURVEYS_TABLE"), policy.dueShards(), env.clock()),
                new SqsSurveyOutbox(new OutboundPublisher(sqs, env.require("OUTBOUND_MESSAGES_QUEUE_URL")), sqs, null),
                preferences::find, env.clock(), new EventLog("dispatch-due-surveys", env.clock()));
        this.priming = Priming.register("dispatch-due-surveys", new EventLog("dispatch-due-surveys", env.clock()),
                AwsClients.primingRead(dynamo, env.require("SURVEYS_TABLE")));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return service.run(LambdaInvocation.of(context, clock)).asMap();
    }
}

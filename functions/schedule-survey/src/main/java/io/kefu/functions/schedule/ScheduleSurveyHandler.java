package io.kefu.functions.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.aws.CustomerPreferencesRepository;
import io.kefu.shared.aws.DeadLetterParking;
import io.kefu.shared.aws.SqsBatchProcessor;
import io.kefu.shared.aws.survey.DynamoSurveyStore;
import io.kefu.shared.contract.SurveyRequestContract;
import io.kefu.shared.domain.survey.SurveyPolicy;
import io.kefu.shared.domain.survey.SurveyPolicyLoader;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.runtime.Priming;
import io.kefu.shared.survey.ScheduleSurveyService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Survey requested -> a SCHEDULED survey with its due time (or SKIPPED with the reason). */
public final class ScheduleSurveyHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Priming priming;
    private final SqsBatchProcessor batch;
    private final ScheduleSurveyService service;

    public ScheduleSurveyHandler() {
        this(Environment.fromSystem());
    }

    public ScheduleSurveyHandler(Environment env) {
        SurveyPolicy policy = SurveyPolicyLoader.loadDefault();
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        SqsClient sqs = AwsClients.sqs(env);
        EventLog log = new EventLog("schedule-survey", env.clock());
        CustomerPreferencesRepository preferences =
                new CustomerPreferencesRepository(dynamo, env.require("CUSTOMER_PREFERENCES_TABLE"));
        this.service = new ScheduleSurveyService(policy,
                new DynamoSurveyStore(dynamo, env.require("SURVEYS_TABLE"), policy.dueShards(), env.clock()),
                preferences::find, env.clock(), log);
        this.batch = new SqsBatchProcessor(new DeadLetterParking(sqs, env.require("DEAD_LETTER_QUEUE_URL")), log);
        this.priming = Priming.register("schedule-survey", log,
                Priming.decode(SurveyRequestContract.CONTRACT, "survey-request", request -> { }),
                AwsClients.primingRead(dynamo, env.require("SURVEYS_TABLE")));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, SurveyRequestContract.CONTRACT, service::handle);
    }
}

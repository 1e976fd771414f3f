package io.kefu.functions.response;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.aws.DeadLetterParking;
import io.kefu.shared.aws.SqsBatchProcessor;
import io.kefu.shared.aws.survey.DynamoAggregateStore;
import io.kefu.shared.aws.survey.DynamoSurveyStore;
import io.kefu.shared.aws.survey.SqsSurveyOutbox;
import io.kefu.shared.contract.SurveyResponseMessage;
import io.kefu.shared.domain.survey.SurveyPolicy;
import io.kefu.shared.domain.survey.SurveyPolicyLoader;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.runtime.Priming;
import io.kefu.shared.survey.RecordSurveyResponseService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A survey answer -> stored once, counted once in the daily aggregates, a follow-up case when low. */
public final class RecordSurveyResponseHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SqsBatchProcessor batch;
    private final RecordSurveyResponseService service;
    private final Priming priming;

    public RecordSurveyResponseHandler() {
        this(Environment.fromSystem());
    }

    public RecordSurveyResponseHandler(Environment env) {
        SurveyPolicy policy = SurveyPolicyLoader.loadDefault();
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        SqsClient sqs = AwsClients.sqs(env);
        EventLog log = new EventLog("record-survey-response", env.clock());
        this.service = new RecordSurveyResponseService(policy,
                new DynamoSurveyStore(dynamo, env.require("SURVEYS_TABLE"), policy.dueShards(), env.clock()),
                new DynamoAggregateStore(dynamo, env.require("SURVEY_AGGREGATES_TABLE")),
                new SqsSurveyOutbox(null, sqs, env.require("FOLLOW_UPS_QUEUE_URL")),
                env.clock(), log);
        this.batch = new SqsBatchProcessor(new DeadLetterParking(sqs, env.require("DEAD_LETTER_QUEUE_URL")), log);
        this.priming = Priming.register("record-survey-response", log,
                Priming.decode(SurveyResponseMessage.CONTRACT, "survey-response", response -> { }),
                AwsClients.primingRead(dynamo, env.require("SURVEYS_TABLE")));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context, SurveyResponseMessage.CONTRACT, service::handle);
    }
}

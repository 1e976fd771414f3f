package io.kefu.shared.aws;

import io.kefu.shared.contract.SurveyRequest;
import io.kefu.shared.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Asks the survey function for a follow-up survey; its requestId lets the scheduler drop repeats. */
public final class SurveyRequestPublisher {
    private final SqsClient sqs;
    private final String queueUrl;

    public SurveyRequestPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void publish(SurveyRequest request) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(request)));
    }
}

package io.kefu.shared.aws;

import io.kefu.shared.contract.SurveyRequest;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Asks the survey function for a follow-up survey; its requestId lets the scheduler drop repeats. */
public final class SurveyRequestPublisher {
    private final JsonQueue queue;

    public SurveyRequestPublisher(SqsClient sqs, String queueUrl) {
        this.queue = new JsonQueue(sqs, queueUrl);
    }

    public void publish(SurveyRequest request) {
        queue.send(request, Map.of());
    }
}

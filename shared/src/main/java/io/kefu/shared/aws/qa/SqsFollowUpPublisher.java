package io.kefu.shared.aws.qa;

import io.kefu.shared.app.qa.FollowUps;
import io.kefu.shared.aws.JsonQueue;
import io.kefu.shared.contract.PromiseFollowUp;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Follow-up tasks to the follow-ups queue; the followUpId also rides as an attribute for consumers that dedupe. */
public final class SqsFollowUpPublisher implements FollowUps {
    private final JsonQueue queue;

    public SqsFollowUpPublisher(SqsClient sqs, String queueUrl) {
        this.queue = new JsonQueue(sqs, queueUrl);
    }

    @Override
    public void send(PromiseFollowUp task) {
        queue.send(task, Map.of("kefu.idempotencyKey", task.followUpId(), "kefu.kind", task.kind()));
    }
}

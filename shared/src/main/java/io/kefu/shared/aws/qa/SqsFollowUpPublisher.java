package io.kefu.shared.aws.qa;

import io.kefu.shared.app.qa.FollowUps;
import io.kefu.shared.contract.PromiseFollowUp;
import io.kefu.shared.json.Json;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Follow-up tasks to the follow-ups queue; the followUpId also rides as an attribute for consumers that dedupe. */
public final class SqsFollowUpPublisher implements FollowUps {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsFollowUpPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(PromiseFollowUp task) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(task)).messageAttributes(Map.of(
                "kefu.idempotencyKey", MessageAttributeValue.builder().dataType("String").stringValue(task.followUpId()).build(),
                "kefu.kind", MessageAttributeValue.builder().dataType("String").stringValue(task.kind()).build())));
    }
}

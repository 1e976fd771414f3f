package io.kefu.shared.aws.survey;

import io.kefu.shared.aws.OutboundPublisher;
import io.kefu.shared.contract.LowScoreFollowUp;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.json.Json;
import io.kefu.shared.survey.Outbox;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The survey functions' queues: outbound messages (via the shared publisher) and low-score follow-ups. */
public final class SqsSurveyOutbox implements Outbox {
    private final OutboundPublisher outbound;
    private final SqsClient sqs;
    private final String followUpsQueueUrl;

    /** @param outbound null for a function that only opens follow-ups; followUpsQueueUrl null for one that only sends */
    public SqsSurveyOutbox(OutboundPublisher outbound, SqsClient sqs, String followUpsQueueUrl) {
        this.outbound = outbound;
        this.sqs = sqs;
        this.followUpsQueueUrl = followUpsQueueUrl;
    }

    @Override
    public void sendToCustomer(OutboundMessage message, Duration delay) {
        if (outbound == null) {
            throw new IllegalStateException("this function has no outbound queue");
        }
        outbound.publish(message, delay);
    }

    @Override
    public void openFollowUp(LowScoreFollowUp followUp) {
        if (followUpsQueueUrl == null) {
            throw new IllegalStateException("this function has no follow-ups queue");
        }
        sqs.sendMessage(b -> b.queueUrl(followUpsQueueUrl)
                .messageBody(Json.write(followUp))
                .messageAttributes(Map.of(
                        "followUpId", text(followUp.followUpId()),
                        "kind", text(followUp.kind()))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

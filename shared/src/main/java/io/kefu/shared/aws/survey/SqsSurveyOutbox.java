package io.kefu.shared.aws.survey;

import io.kefu.shared.aws.JsonQueue;
import io.kefu.shared.aws.OutboundPublisher;
import io.kefu.shared.contract.LowScoreFollowUp;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.survey.Outbox;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The survey functions' queues: outbound messages (via the shared publisher) and low-score follow-ups. */
public final class SqsSurveyOutbox implements Outbox {
    private final OutboundPublisher outbound;
    private final JsonQueue followUps;

    /** @param outbound null for a function that only opens follow-ups; followUpsQueueUrl null for one that only sends */
    public SqsSurveyOutbox(OutboundPublisher outbound, SqsClient sqs, String followUpsQueueUrl) {
        this.outbound = outbound;
        this.followUps = followUpsQueueUrl == null ? null : new JsonQueue(sqs, followUpsQueueUrl);
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
        if (followUps == null) {
            throw new IllegalStateException("this function has no follow-ups queue");
        }
        followUps.send(followUp, Map.of("followUpId", followUp.followUpId(), "kind", followUp.kind()));
    }
}

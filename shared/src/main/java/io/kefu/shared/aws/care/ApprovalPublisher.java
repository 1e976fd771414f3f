package io.kefu.shared.aws.care;

import io.kefu.shared.aws.JsonQueue;
import io.kefu.shared.contract.CareApprovalRequest;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts offers above the value limit on the care-approvals queue for an agent. */
public final class ApprovalPublisher {
    private final JsonQueue queue;

    public ApprovalPublisher(SqsClient sqs, String queueUrl) {
        this.queue = new JsonQueue(sqs, queueUrl);
    }

    public void publish(CareApprovalRequest request) {
        queue.send(request, Map.of("approvalKey", request.approvalKey()));
    }
}

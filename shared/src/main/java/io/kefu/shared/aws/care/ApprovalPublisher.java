package io.kefu.shared.aws.care;

import io.kefu.shared.contract.CareApprovalRequest;
import io.kefu.shared.json.Json;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Puts offers above the value limit on the care-approvals queue for an agent. */
public final class ApprovalPublisher {
    private final SqsClient sqs;
    private final String queueUrl;

    public ApprovalPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void publish(CareApprovalRequest request) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(Json.write(request))
                .messageAttributes(Map.of("approvalKey", MessageAttributeValue.builder()
                        .dataType("String").stringValue(request.approvalKey()).build())));
    }
}

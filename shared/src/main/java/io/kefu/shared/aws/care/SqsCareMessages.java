package io.kefu.shared.aws.care;

import io.kefu.shared.app.care.CareMessages;
import io.kefu.shared.aws.OutboundPublisher;
import io.kefu.shared.aws.SurveyRequestPublisher;
import io.kefu.shared.contract.CareApprovalRequest;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.contract.SurveyRequest;

/** The three queues care writes to, behind one port. */
public final class SqsCareMessages implements CareMessages {
    private final OutboundPublisher outbound;
    private final ApprovalPublisher approvals;
    private final SurveyRequestPublisher surveys;

    public SqsCareMessages(OutboundPublisher outbound, ApprovalPublisher approvals, SurveyRequestPublisher surveys) {
        this.outbound = outbound;
        this.approvals = approvals;
        this.surveys = surveys;
    }

    @Override
    public void send(OutboundMessage message) {
        outbound.publish(message);
    }

    @Override
    public void requestApproval(CareApprovalRequest request) {
        approvals.publish(request);
    }

    @Override
    public void requestSurvey(SurveyRequest request) {
        surveys.publish(request);
    }
}

package io.kefu.shared.app.care;

import io.kefu.shared.contract.CareApprovalRequest;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.contract.SurveyRequest;

/** Everything care sends out. Each message carries a deterministic key its consumer dedupes on. */
public interface CareMessages {
    void send(OutboundMessage message);

    void requestApproval(CareApprovalRequest request);

    void requestSurvey(SurveyRequest request);
}

package io.kefu.shared.survey;

import io.kefu.shared.contract.LowScoreFollowUp;
import io.kefu.shared.contract.OutboundMessage;
import java.time.Duration;

/** Where the survey services send messages; every message carries its own idempotency key. */
public interface Outbox {
    /** @param delay 0-15 minutes: SQS holds the message until it is due (sub-minute precision) */
    void sendToCustomer(OutboundMessage message, Duration delay);

    void openFollowUp(LowScoreFollowUp followUp);
}

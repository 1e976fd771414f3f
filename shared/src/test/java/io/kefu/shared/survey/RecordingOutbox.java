package io.kefu.shared.survey;

import io.kefu.shared.contract.LowScoreFollowUp;
import io.kefu.shared.contract.OutboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

final class RecordingOutbox implements Outbox {
    record Sent(OutboundMessage message, Duration delay) {}

    final List<Sent> sent = new ArrayList<>();
    final List<LowScoreFollowUp> followUps = new ArrayList<>();
    /** Set to make the next send fail after it went out (a crash between publish and SENT). */
    RuntimeException failAfterSend;

    @Override
    public synchronized void sendToCustomer(OutboundMessage message, Duration delay) {
        sent.add(new Sent(message, delay));
        if (failAfterSend != null) {
            RuntimeException e = failAfterSend;
            failAfterSend = null;
            throw e;
        }
    }

    @Override
    public synchronized void openFollowUp(LowScoreFollowUp followUp) {
        followUps.add(followUp);
    }
}

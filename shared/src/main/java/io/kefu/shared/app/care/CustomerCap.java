package io.kefu.shared.app.care;

import java.time.Duration;
import java.time.Instant;

/** The per-customer frequency cap for proactive messages, claimed atomically before a send. */
public interface CustomerCap {

    /**
     * Claims the customer's single send slot for {@code messageKey} if the previous proactive message
     * is older than {@code window}. Claiming again with the same key succeeds (a retry of the same
     * notice) without moving the window.
     */
    Claim claim(String customerId, String messageKey, Instant now, Duration window);

    /** @param lastProactiveAt when the holder of the slot was sent; set when the claim was refused */
    record Claim(boolean granted, Instant lastProactiveAt) {}
}

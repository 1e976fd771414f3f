package io.kefu.shared.domain.qa;

/** A review request that breaks a rule (no reason, score out of range, no open dispute, lost a race). */
public final class ReviewRejectedException extends RuntimeException {
    public ReviewRejectedException(String message) {
        super(message);
    }
}

package io.kefu.shared.domain.care;

/**
 * Why a care case was opened: a carrier exception (same names as {@link ExceptionCode}), a carrier
 * ETA beyond the promise, or no scan for too long (found by the sweep).
 */
public enum DelayReason {
    WEATHER, HUB_BACKLOG, ADDRESS_ISSUE, LOST, CUSTOMS, FAILED_ATTEMPT, DAMAGED, OTHER, ETA_LATE, STALLED;

    public static DelayReason of(ExceptionCode code) {
        return valueOf(code.name());
    }

    /** ETA_LATE and STALLED only restate a delay; they open no second case while another is open. */
    public boolean restatesDelay() {
        return this == ETA_LATE || this == STALLED;
    }
}

package io.kefu.shared.domain.care;

/**
 * Life of a care case. Pending states carry a due time in the PendingByDueTime index; the sweep
 * sends those that are due (deferred by quiet hours or the cap, or left behind by a crash).
 */
public enum CaseStatus {
    /** Notice recorded, not yet confirmed sent (due now, or deferred to dueAt). */
    NOTICE_PENDING,
    /** Notice sent; waiting for the parcel to move again. */
    NOTIFIED,
    /** Customer opted out of proactive messages: recorded, nothing sent. */
    SUPPRESSED_OPT_OUT,
    /** Parcel moved again / delivered; recovery note recorded, not yet confirmed sent. */
    RECOVERY_PENDING,
    /** Closed after the recovery note (or without one when the policy sends none). */
    RECOVERED,
    /** Parcel recovered before the (deferred) notice went out: nothing was ever sent. */
    RESOLVED_BEFORE_NOTICE,
    /** Closed without a message (opted out, or covered by another case's recovery note). */
    CLOSED;

    public boolean open() {
        return this == NOTICE_PENDING || this == NOTIFIED || this == SUPPRESSED_OPT_OUT || this == RECOVERY_PENDING;
    }

    public boolean pending() {
        return this == NOTICE_PENDING || this == RECOVERY_PENDING;
    }
}

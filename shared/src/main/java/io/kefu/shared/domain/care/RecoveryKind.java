package io.kefu.shared.domain.care;

/** Which follow-up a recovered case gets: the parcel moves again, or it arrived (late). */
public enum RecoveryKind {
    BACK_ON_TRACK, DELIVERED
}

package io.kefu.shared.domain.qa;

/** Why a transcript is in front of a human reviewer. */
public enum ReviewReason {
    RED_LINE, LOW_SCORE, CALIBRATION_SAMPLE
}

package io.kefu.shared.domain.qa;

/** PASS; NEEDS_REVIEW (low score or calibration sample); FAIL (a red line was crossed). */
public enum QaStatus {
    PASS, NEEDS_REVIEW, FAIL
}

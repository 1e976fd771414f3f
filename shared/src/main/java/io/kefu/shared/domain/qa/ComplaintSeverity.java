package io.kefu.shared.domain.qa;

/** NONE: no complaint; LOW: a complaint; MEDIUM: upset or repeated contact; HIGH: regulator, media or lawyer. */
public enum ComplaintSeverity {
    NONE, LOW, MEDIUM, HIGH
}

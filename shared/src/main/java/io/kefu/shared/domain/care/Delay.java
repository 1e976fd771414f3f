package io.kefu.shared.domain.care;

import java.time.Instant;

/**
 * A detected delay: why, how late (best estimate, 0 when unknown) and the new ETA when known.
 */
public record Delay(DelayReason reason, long delayHours, Instant newEta) {}

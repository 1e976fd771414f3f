package io.kefu.shared.effects;

import java.time.Instant;
import java.util.UUID;

/**
 * A claim on doing one effect: who holds it and until when. A claim succeeds when nobody holds the item or the
 * holder's deadline has passed; a hand-back or mark-done only counts if the owner still holds it, so an attempt
 * whose lease ran out cannot undo the work of the one that took over.
 */
public record Lease(String owner, Instant until) {
    public static Lease until(Instant until) {
        return new Lease(UUID.randomUUID().toString(), until);
    }

    public boolean expiredAt(Instant now) {
        return until.isBefore(now);
    }
}

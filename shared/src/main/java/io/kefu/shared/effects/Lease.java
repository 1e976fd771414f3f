package io.kefu.shared.effects;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

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

    /**
     * The one shape of leased work: {@code claim} it (false: someone else holds it, nothing is done), run
     * {@code effectAndMark} (the effect, then the write that records it done and drops the lease), and if that
     * throws, {@code handBack} the lease so a retry can finish at once (with the same idempotency key). If the
     * process dies instead, the lease simply runs out at {@link #until()}.
     * @return whether this attempt held the lease and did the work
     */
    public boolean run(Predicate<Lease> claim, Runnable effectAndMark, Consumer<Lease> handBack) {
        if (!claim.test(this)) {
            return false;
        }
        try {
            effectAndMark.run();
        } catch (RuntimeException e) {
            try {
                handBack.accept(this);
            } catch (RuntimeException handBackFailed) {
                e.addSuppressed(handBackFailed); // the lease runs out on its own
            }
            throw e;
        }
        return true;
    }
}

package io.kefu.shared.domain.care;

import io.kefu.shared.domain.customer.CustomerPreferences;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a proactive message may go out: never for an opted-out customer; not in the customer's quiet
 * hours (deferred to their end, in the customer's zone); not within the frequency cap window of the
 * previous proactive message (deferred until the window passes, then past quiet hours again).
 * The cap itself is claimed atomically by the caller; this class only does the arithmetic.
 */
public final class NoticeGate {
    private final CarePolicy policy;

    public NoticeGate(CarePolicy policy) {
        this.policy = policy;
    }

    public boolean suppressed(CustomerPreferences preferences) {
        return preferences.proactiveOptOut();
    }

    /** The end of the quiet hours when {@code now} falls in them. */
    public Optional<Instant> quietUntil(CustomerPreferences preferences, Instant now) {
        Instant allowed = preferences.quietHours().nextAllowed(now, preferences.zone());
        return allowed.isAfter(now) ? Optional.of(allowed) : Optional.empty();
    }

    public boolean capApplies(DelayReason reason, CustomerPreferences preferences) {
        return !policy.capWindow().isZero() && policy.capApplies(reason, preferences.vip());
    }

    /** Earliest the customer may hear from us again after a message at {@code lastProactiveAt}. */
    public Instant capFreeAt(Instant lastProactiveAt, CustomerPreferences preferences) {
        Instant free = lastProactiveAt.plus(policy.capWindow());
        return preferences.quietHours().nextAllowed(free, preferences.zone());
    }

    public Duration capWindow() {
        return policy.capWindow();
    }
}

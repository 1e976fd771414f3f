package io.kefu.shared.domain.care;

import java.util.Set;

/**
 * "For these reasons, at least this late, offer this." Rules are tried in file order; the first
 * matching rule of each offer type wins, so tiers are written highest first.
 *
 * @param reasons empty or absent means every reason
 * @param valueFrom FIXED (valueCents), ORDER_VALUE or SHIPPING_FEE (taken from the shipment event)
 */
public record OfferRule(
        String name,
        Set<DelayReason> reasons,
        Integer minDelayHours,
        OfferType type,
        ValueSource valueFrom,
        Long valueCents) {

    public enum ValueSource { NONE, FIXED, ORDER_VALUE, SHIPPING_FEE }

    public OfferRule {
        reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
        minDelayHours = minDelayHours == null ? 0 : minDelayHours;
        valueFrom = valueFrom != null ? valueFrom : valueCents != null ? ValueSource.FIXED : ValueSource.NONE;
        if (name == null || type == null) {
            throw new IllegalArgumentException("offer rule needs a name and a type");
        }
        if (valueFrom == ValueSource.FIXED && valueCents == null) {
            throw new IllegalArgumentException("offer rule " + name + ": valueFrom FIXED needs valueCents");
        }
    }

    public boolean matches(DelayReason reason, long delayHours) {
        return (reasons.isEmpty() || reasons.contains(reason)) && delayHours >= minDelayHours;
    }

    /** Value in fen; null when the value source is unknown for this order (the rule then does not apply). */
    public Long value(Long orderValueCents, Long shippingFeeCents) {
        return switch (valueFrom) {
            case NONE -> 0L;
            case FIXED -> valueCents;
            case ORDER_VALUE -> orderValueCents;
            case SHIPPING_FEE -> shippingFeeCents;
        };
    }
}

package io.kefu.shared.domain.care;

import io.kefu.shared.domain.customer.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole proactive-care policy, read from {@code care/care-policy.yaml} by {@link CarePolicyLoader}
 * and documented in docs/care-policy.md. Everything a manager may want to tune lives here, not in
 * environment variables, so one reviewed file says how customers are treated.
 */
public record CarePolicy(int version, Detection detection, Sending sending, Offers offers, Templates templates) {

    /**
     * @param etaLateThresholdHours an ETA later than the end of the promised day by more than this is a delay
     * @param stallHours no scan for this long while in transit is a delay (found by the sweep)
     * @param inTransitShards partitions of the in-transit index; changing it needs a re-index
     * @param promiseZone the zone whose end-of-day ends a promised delivery date
     */
    public record Detection(int etaLateThresholdHours, int stallHours, int inTransitShards, String promiseZone) {}

    /**
     * @param capWindowHours at most one proactive notice per customer in this window, across orders;
     *     a notice over the cap is deferred until the window allows it, never dropped
     * @param vipBypassCap VIP customers are not held back by the cap
     * @param capExemptReasons reasons too important to wait for the cap (a lost parcel)
     * @param pendingRetryMinutes the sweep re-sends a notice left pending this long (a crash between
     *     recording and sending)
     * @param recoveryNote whether a notified customer gets a "back on track" / apology note
     */
    public record Sending(int capWindowHours, boolean vipBypassCap, Set<DelayReason> capExemptReasons,
                          int pendingRetryMinutes, boolean recoveryNote) {
        public Sending {
            capExemptReasons = capExemptReasons == null ? Set.of() : Set.copyOf(capExemptReasons);
        }
    }

    /**
     * @param approvalLimitCents offers worth more than this (fen) go to an agent for approval
     * @param vipCouponMultiplier coupons for VIP customers are multiplied by this
     */
    public record Offers(long approvalLimitCents, int vipCouponMultiplier, List<OfferRule> rules) {
        public Offers {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /**
     * Message texts. {@code notices} by reason name (or "default"), then locale, then channel;
     * {@code recovery} by "BACK_ON_TRACK" / "DELIVERED", then locale, then channel; {@code phrases}
     * per locale: the parts a template may include ({eta}, {offer}, {reason}).
     */
    public record Templates(Map<String, Map<String, Map<Channel, String>>> notices,
                            Map<String, Map<String, Map<Channel, String>>> recovery,
                            Map<String, Phrases> phrases) {}

    /**
     * @param eta sentence giving the new ETA, with {date}; left out when the ETA is unknown
     * @param dateFormat java.time pattern for the ETA date in the customer's zone
     * @param reasons how each reason reads to a customer
     * @param offers how each offer reads, with {amount} in yuan
     * @param approvalPending sentence used when an offer waits for an agent
     */
    public record Phrases(String eta, String dateFormat, Map<DelayReason, String> reasons,
                          Map<OfferType, String> offers, String approvalPending) {}

    /** Offers for a case: first matching rule per type; VIP coupons multiplied; over the limit needs approval. */
    public List<Offer> offersFor(DelayReason reason, long delayHours, boolean vip, Long orderValueCents,
                                 Long shippingFeeCents) {
        List<Offer> chosen = new ArrayList<>();
        for (OfferRule rule : offers.rules()) {
            if (!rule.matches(reason, delayHours) || chosen.stream().anyMatch(o -> o.type() == rule.type())) {
                continue;
            }
            Long value = rule.value(orderValueCents, shippingFeeCents);
            if (value != null && vip && rule.type() == OfferType.COUPON) {
                value = value * offers.vipCouponMultiplier();
            }
            // An unknown value (no order value in the event) cannot be auto-approved.
            boolean needsApproval = value == null || value > offers.approvalLimitCents();
            chosen.add(new Offer(rule.type(), value == null ? 0 : value, rule.name(), needsApproval));
        }
        return List.copyOf(chosen);
    }

    public java.time.Duration capWindow() {
        return java.time.Duration.ofHours(sending.capWindowHours());
    }

    public boolean capApplies(DelayReason reason, boolean vip) {
        return !(vip && sending.vipBypassCap()) && !sending.capExemptReasons().contains(reason);
    }
}

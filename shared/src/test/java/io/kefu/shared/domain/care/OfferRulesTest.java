package io.kefu.shared.domain.care;

import static io.kefu.shared.domain.care.CareFixtures.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfferRulesTest {

    @Test
    void shortWeatherDelayGetsTheSmallWeatherCoupon() {
        List<Offer> offers = POLICY.offersFor(DelayReason.WEATHER, 5, false, 19900L, 1200L);
        assertThat(offers).containsExactly(new Offer(OfferType.COUPON, 500, "coupon-weather", false));
    }

    @Test
    void couponGrowsWithDelayLengthAndOnlyTheHighestTierApplies() {
        assertThat(POLICY.offersFor(DelayReason.WEATHER, 30, false, null, null))
                .extracting(Offer::valueCents).containsExactly(1000L);
        assertThat(POLICY.offersFor(DelayReason.ETA_LATE, 80, false, null, 1200L))
                .containsExactly(new Offer(OfferType.COUPON, 3000, "coupon-3-days", false),
                        new Offer(OfferType.SHIPPING_REFUND, 1200, "refund-shipping-2-days", false));
    }

    @Test
    void vipCouponIsDoubledAndAboveTheLimitGoesToApproval() {
        List<Offer> offers = POLICY.offersFor(DelayReason.WEATHER, 80, true, null, 1200L);
        assertThat(offers).containsExactly(new Offer(OfferType.COUPON, 6000, "coupon-3-days", true),
                new Offer(OfferType.SHIPPING_REFUND, 1200, "refund-shipping-2-days", false));
    }

    @Test
    void lostParcelIsReshippedAndAnExpensiveReshipNeedsApproval() {
        assertThat(POLICY.offersFor(DelayReason.LOST, 0, false, 19900L, 1200L))
                .containsExactly(new Offer(OfferType.RESHIP, 19900, "reship-lost", true));
        assertThat(POLICY.offersFor(DelayReason.LOST, 0, false, 3000L, 1200L))
                .containsExactly(new Offer(OfferType.RESHIP, 3000, "reship-lost", false));
    }

    @Test
    void reshipWithUnknownOrderValueIsNeverAutoApproved() {
        assertThat(POLICY.offersFor(DelayReason.LOST, 0, false, null, null))
                .singleElement().extracting(Offer::needsApproval).isEqualTo(true);
    }

    @Test
    void failedAttemptOffersAPickUpPointAndHubBacklogAnotherCarrier() {
        assertThat(POLICY.offersFor(DelayReason.FAILED_ATTEMPT, 0, false, null, null))
                .extracting(Offer::type).containsExactly(OfferType.PICKUP_POINT);
        assertThat(POLICY.offersFor(DelayReason.HUB_BACKLOG, 30, false, null, null))
                .extracting(Offer::type).containsExactly(OfferType.ALTERNATIVE_CARRIER, OfferType.COUPON);
    }

    @Test
    void shippingRefundWithoutAKnownFeeIsSentToApprovalNotGuessed() {
        assertThat(POLICY.offersFor(DelayReason.ADDRESS_ISSUE, 50, false, null, null))
                .contains(new Offer(OfferType.SHIPPING_REFUND, 0, "refund-shipping-2-days", true));
    }
}

package io.kefu.shared.domain.care;

/** What we can offer a customer whose parcel is late. */
public enum OfferType {
    ALTERNATIVE_CARRIER, PICKUP_POINT, COUPON, SHIPPING_REFUND, RESHIP
}

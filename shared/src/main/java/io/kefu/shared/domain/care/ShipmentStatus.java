package io.kefu.shared.domain.care;

/** Where a parcel is, as the order system reports it. */
public enum ShipmentStatus {
    CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION, RETURNED;

    /** Statuses in which the carrier should keep scanning, so a long silence means the parcel is stuck. */
    public boolean inTransit() {
        return this == PICKED_UP || this == IN_TRANSIT || this == OUT_FOR_DELIVERY;
    }

    /** A scan that shows the parcel moving (or arrived): the signal that an open delay has recovered. */
    public boolean moving() {
        return inTransit() || this == DELIVERED;
    }
}

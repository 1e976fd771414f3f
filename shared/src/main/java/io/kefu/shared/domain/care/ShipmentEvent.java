package io.kefu.shared.domain.care;

import io.kefu.shared.domain.SortableTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One status event from the order system, already validated by the contract.
 *
 * @param sequence the order system's per-order counter; breaks ties between events with the same time
 * @param promisedDate the delivery date promised to the customer (end of that day counts as on time)
 * @param carrierEta the carrier's current estimate, when it gave one
 */
public record ShipmentEvent(
        String eventId,
        String orderId,
        String customerId,
        String carrier,
        String trackingNo,
        ShipmentStatus status,
        ExceptionCode exceptionCode,
        Instant eventTime,
        long sequence,
        LocalDate promisedDate,
        Instant carrierEta,
        String region,
        Long orderValueCents,
        Long shippingFeeCents) {

    public ShipmentEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    /** Orders events by time then sequence as text: what the conditional write on the shipment compares. */
    public String eventKey() {
        return eventKey(eventTime, sequence);
    }

    public static String eventKey(Instant time, long sequence) {
        return SortableTime.format(time) + "#" + String.format("%012d", Math.max(0, sequence));
    }
}

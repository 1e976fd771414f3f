package io.kefu.shared.domain.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What we know of one order's parcel: the newest event applied so far.
 *
 * @param lastEventKey {@link ShipmentEvent#eventKey()} of the newest applied event; older events are stale
 * @param lastScanAt time of the newest carrier scan (any event counts as a scan)
 * @param episode how many times a delay on this order has recovered; part of each incident's identity,
 *     so a LOST after a recovered WEATHER delay is a new incident while a repeated WEATHER is not
 * @param lastEventHash payload hash of that event: the same event key with another hash is a conflicting
 *     duplicate, not a replay (null on state stored before hashes were kept)
 */
public record Shipment(
        String orderId,
        String customerId,
        String carrier,
        String trackingNo,
        ShipmentStatus status,
        ExceptionCode exceptionCode,
        String lastEventKey,
        Instant lastScanAt,
        LocalDate promisedDate,
        Instant carrierEta,
        String region,
        int episode,
        Long orderValueCents,
        Long shippingFeeCents,
        String lastEventHash) {

    /** How an event relates to the stored state. */
    public enum Arrival { NEW, REPLAY, STALE }

    public static Arrival arrival(Shipment current, ShipmentEvent event) {
        if (current == null) {
            return Arrival.NEW;
        }
        int order = event.eventKey().compareTo(current.lastEventKey());
        return order > 0 ? Arrival.NEW : order == 0 ? Arrival.REPLAY : Arrival.STALE;
    }

    /**
     * The state after {@code event}. {@code recovered} bumps the episode, so the next delay on this
     * order is a new incident. Fields the event leaves out keep their previous values.
     */
    public static Shipment after(Shipment current, ShipmentEvent event, boolean recovered) {
        return after(current, event, recovered, null);
    }

    /** {@link #after(Shipment, ShipmentEvent, boolean)}, remembering the event's payload hash. */
    public static Shipment after(Shipment current, ShipmentEvent event, boolean recovered, String eventHash) {
        int episode = current == null ? 0 : current.episode() + (recovered ? 1 : 0);
        return new Shipment(
                event.orderId(),
                pick(event.customerId(), current == null ? null : current.customerId()),
                pick(event.carrier(), current == null ? null : current.carrier()),
                pick(event.trackingNo(), current == null ? null : current.trackingNo()),
                event.status(),
                event.exceptionCode(),
                event.eventKey(),
                event.eventTime(),
                pick(event.promisedDate(), current == null ? null : current.promisedDate()),
                pick(event.carrierEta(), current == null ? null : current.carrierEta()),
                pick(event.region(), current == null ? null : current.region()),
                episode,
                pick(event.orderValueCents(), current == null ? null : current.orderValueCents()),
                pick(event.shippingFeeCents(), current == null ? null : current.shippingFeeCents()),
                eventHash);
    }

    /** The sweep watches only in-transit parcels (a sparse index); delivered or excepted ones drop out. */
    public boolean watchedForStall() {
        return status.inTransit();
    }

    /** Shard of the in-transit index: spreads the sweep's queries over {@code shards} partitions. */
    public static int shard(String orderId, int shards) {
        return Math.floorMod(orderId.hashCode(), shards);
    }

    private static <T> T pick(T fresh, T previous) {
        return fresh != null ? fresh : previous;
    }
}

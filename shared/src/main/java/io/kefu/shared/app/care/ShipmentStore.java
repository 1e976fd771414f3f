package io.kefu.shared.app.care;

import io.kefu.shared.domain.care.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shipment state, one item per order, written only forward in event order. */
public interface ShipmentStore {
    Optional<Shipment> find(String orderId);

    /**
     * Writes {@code next} if the stored state is still the one read ({@code expectedEventKey}, or no
     * item when null). False when another event got there first: the caller re-reads and retries.
     */
    boolean save(Shipment next, String expectedEventKey);

    /** In-transit shipments of one index shard whose last scan is before {@code cutoff}: the oldest {@code limit}. */
    List<Shipment> stalledBefore(int shard, Instant cutoff, int limit);

    /** Takes a stalled shipment out of the in-transit index, unless a newer event arrived meanwhile. */
    boolean unwatch(String orderId, String expectedEventKey);
}

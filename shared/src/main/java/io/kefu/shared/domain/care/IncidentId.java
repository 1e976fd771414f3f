package io.kefu.shared.domain.care;

/**
 * One incident on one order: a reason within a delay episode (see {@link Shipment#episode()}).
 * Every key derived from it is deterministic, so a redelivered event or a sweep retry finds the same
 * case and sends with the same idempotency key.
 */
public record IncidentId(String orderId, DelayReason reason, int episode) {

    /** Sort key of the case item under pk ORDER#orderId. */
    public String sortKey() {
        return "INCIDENT#" + reason + "#" + episode;
    }

    public String noticeKey() {
        return "care-notice:" + orderId + ":" + reason + ":" + episode;
    }

    public String recoveryKey() {
        return "care-recovery:" + orderId + ":" + reason + ":" + episode;
    }

    public String approvalKey() {
        return "care-approval:" + orderId + ":" + reason + ":" + episode;
    }

    public static IncidentId fromSortKey(String orderId, String sortKey) {
        String[] parts = sortKey.split("#");
        if (parts.length != 3 || !parts[0].equals("INCIDENT")) {
            throw new IllegalArgumentException("not an incident sort key: " + sortKey);
        }
        return new IncidentId(orderId, DelayReason.valueOf(parts[1]), Integer.parseInt(parts[2]));
    }
}

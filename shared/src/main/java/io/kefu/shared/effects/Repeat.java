package io.kefu.shared.effects;

/**
 * What a second arrival of an idempotency key is, judged by the payload hash stored beside the key: the same
 * payload (a redelivery or an identical resend: a no-op success) or a different one (a conflict the contract
 * must decide: a new revision, or parked as a conflicting duplicate). Never a silent skip.
 */
public enum Repeat {
    SAME, CONFLICT;

    /** {@code stored} null: a record written before hashes were kept; treated as the same payload. */
    public static Repeat of(String stored, String arriving) {
        return stored == null || stored.equals(arriving) ? SAME : CONFLICT;
    }
}

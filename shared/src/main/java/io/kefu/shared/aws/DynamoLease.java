package io.kefu.shared.aws;

import static io.kefu.shared.aws.Attrs.s;
import static io.kefu.shared.aws.Attrs.time;

import io.kefu.shared.effects.Lease;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one DynamoDB spelling of a {@link Lease} on an item: attributes {@code leaseOwner} and {@code leaseUntil}
 * (sortable time text), the expression fragments to claim, check and drop it, and their values
 * ({@code :leaseOwner}, {@code :leaseUntil}, {@code :leaseNow}). Care cases and surveys both use it.
 */
public final class DynamoLease {
    public static final String OWNER = "leaseOwner";
    public static final String UNTIL = "leaseUntil";

    private DynamoLease() {}

    /** For a SET clause: records the lease. */
    public static String set() {
        return OWNER + " = :leaseOwner, " + UNTIL + " = :leaseUntil";
    }

    /** Condition: nobody holds the item, or the holder's deadline has passed. */
    public static String free() {
        return "(attribute_not_exists(" + UNTIL + ") OR " + UNTIL + " < :leaseNow)";
    }

    /** Condition: this owner still holds it. */
    public static String held() {
        return OWNER + " = :leaseOwner";
    }

    /** For a REMOVE clause. */
    public static String remove() {
        return OWNER + ", " + UNTIL;
    }

    /** Values for {@link #set()} and {@link #free()} (and {@link #held()}). */
    public static Map<String, AttributeValue> claimValues(Lease lease, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(ownerValue(lease));
        values.put(":leaseUntil", time(lease.until()));
        values.put(":leaseNow", time(now));
        return values;
    }

    /** Values for {@link #held()}. */
    public static Map<String, AttributeValue> ownerValue(Lease lease) {
        return Map.of(":leaseOwner", s(lease.owner()));
    }
}

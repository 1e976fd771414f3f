package io.kefu.shared.contract;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.kefu.shared.domain.care.ExceptionCode;
import io.kefu.shared.domain.care.ShipmentEvent;
import io.kefu.shared.domain.care.ShipmentStatus;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.JsonContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A shipment status event from the order system on the shipment-events queue (docs/events.md,
 * "Shipment events"). Status and exception code are text here so an unknown value is reported by
 * name with the accepted list, rather than as a generic binding error.
 *
 * @param sequence optional per-order counter from the order system; orders events with equal times
 */
public record ShipmentEventMessage(
        int schemaVersion,
        @JsonDeserialize(using = StrictText.class) String eventId,
        @JsonDeserialize(using = StrictText.class) String orderId,
        @JsonDeserialize(using = StrictText.class) String customerId,
        @JsonDeserialize(using = StrictText.class) String carrier,
        @JsonDeserialize(using = StrictText.class) String trackingNo,
        @JsonDeserialize(using = StrictText.class) String status,
        @JsonDeserialize(using = StrictText.class) String exceptionCode,
        @JsonDeserialize(using = StrictInstant.class) Instant eventTime,
        Long sequence,
        LocalDate promisedDeliveryDate,
        @JsonDeserialize(using = StrictInstant.class) Instant carrierEta,
        @JsonDeserialize(using = StrictText.class) String region,
        Long orderValueCents,
        Long shippingFeeCents) {

    public static final int VERSION = 1;
    /** Ids become DynamoDB keys and message text: a strict alphabet keeps both safe. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N} ._:/-]{1,64}");

    public static final JsonContract<ShipmentEventMessage> CONTRACT =
            JsonContract.withClock(ShipmentEventMessage.class, 16 * 1024, Set.of(VERSION), ShipmentEventMessage::validate);

    private static void validate(ShipmentEventMessage m, Instant now) {
        id("orderId", m.orderId(), true);
        id("customerId", m.customerId(), true);
        id("eventId", m.eventId(), false);
        text("carrier", m.carrier());
        text("trackingNo", m.trackingNo());
        text("region", m.region());
        ShipmentStatus status = oneOf("status", m.status(), ShipmentStatus.class, true);
        ExceptionCode code = oneOf("exceptionCode", m.exceptionCode(), ExceptionCode.class, false);
        if (status == ShipmentStatus.EXCEPTION && code == null) {
            throw new InvalidMessageException("exceptionCode", "required when status is EXCEPTION");
        }
        if (m.eventTime() == null) {
            throw new InvalidMessageException("eventTime", "required ISO-8601 instant");
        }
        ContractTimes.happened("eventTime", m.eventTime(), now);
        ContractTimes.planned("carrierEta", m.carrierEta(), now);
        ContractTimes.planned("promisedDeliveryDate", m.promisedDeliveryDate(), now);
        if (m.sequence() != null && m.sequence() < 0) {
            throw new InvalidMessageException("sequence", "must not be negative, got " + m.sequence());
        }
        nonNegative("orderValueCents", m.orderValueCents());
        nonNegative("shippingFeeCents", m.shippingFeeCents());
    }

    public ShipmentEvent toDomain() {
        ShipmentStatus status = ShipmentStatus.valueOf(this.status);
        ExceptionCode code = exceptionCode == null || exceptionCode.isBlank() ? null : ExceptionCode.valueOf(exceptionCode);
        return new ShipmentEvent(eventId, orderId, customerId, carrier, trackingNo, status,
                status == ShipmentStatus.EXCEPTION ? code : null, eventTime, sequence == null ? 0 : sequence,
                promisedDeliveryDate, carrierEta, region, orderValueCents, shippingFeeCents);
    }

    private static void id(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidMessageException(field, "required");
            }
            return;
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidMessageException(field, "must be 1-64 of A-Z a-z 0-9 . _ : -");
        }
    }

    private static void text(String field, String value) {
        if (value != null && !TEXT.matcher(value).matches()) {
            throw new InvalidMessageException(field, "must be 1-64 letters, digits, spaces or . _ : / -");
        }
    }

    private static void nonNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidMessageException(field, "must not be negative, got " + value);
        }
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        String accepted = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidMessageException(field, "required, one of " + accepted);
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
            throw new InvalidMessageException(field, "unknown value " + shown + ", expected one of " + accepted);
        }
    }
}

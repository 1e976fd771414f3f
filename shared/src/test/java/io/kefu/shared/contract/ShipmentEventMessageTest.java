package io.kefu.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.shared.domain.care.ExceptionCode;
import io.kefu.shared.domain.care.ShipmentEvent;
import io.kefu.shared.domain.care.ShipmentStatus;
import io.kefu.shared.json.InvalidMessageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShipmentEventMessageTest {
    private static String fixture(String name) throws Exception {
        return Files.readString(Path.of("../events/shipments/" + name));
    }

    @Test
    void weatherFixtureDecodesToAnExceptionEvent() throws Exception {
        ShipmentEvent e = ShipmentEventMessage.CONTRACT.decode(fixture("weather-exception.json")).toDomain();
        assertThat(e.status()).isEqualTo(ShipmentStatus.EXCEPTION);
        assertThat(e.exceptionCode()).isEqualTo(ExceptionCode.WEATHER);
        assertThat(e.carrierEta()).isEqualTo(Instant.parse("2026-11-30T04:00:00Z"));
        assertThat(e.sequence()).isEqualTo(2);
    }

    @Test
    void everyValidFixtureDecodes() throws Exception {
        try (var files = Files.list(Path.of("../events/shipments"))) {
            files.filter(p -> !p.getFileName().toString().startsWith("invalid-")).forEach(p -> {
                try {
                    assertThat(ShipmentEventMessage.CONTRACT.decode(Files.readString(p)).toDomain()).isNotNull();
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
    }

    @Test
    void unknownStatusIsNamedWithTheAcceptedValues() throws Exception {
        assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(fixture("invalid-unknown-status.json")))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.reason()).startsWith("unknown value TELEPORTED, expected one of CREATED, PICKED_UP");
                });
    }

    @Test
    void exceptionWithoutCodeIsRejected() throws Exception {
        assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(fixture("invalid-exception-without-code.json")))
                .isInstanceOfSatisfying(InvalidMessageException.class,
                        e -> assertThat(e.field()).isEqualTo("exceptionCode"));
    }

    @Test
    void orderIdThatCouldBreakAKeyIsRejected() {
        String body = "{\"schemaVersion\":1,\"orderId\":\"O#1\",\"customerId\":\"C\",\"status\":\"IN_TRANSIT\","
                + "\"eventTime\":\"2026-11-28T01:00:00Z\"}";
        assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(body))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("orderId"));
    }

    @Test
    void badEventTimeNamesTheField() {
        String body = "{\"schemaVersion\":1,\"orderId\":\"O-1\",\"customerId\":\"C\",\"status\":\"IN_TRANSIT\","
                + "\"eventTime\":\"yesterday\"}";
        assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(body))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("eventTime"));
    }

    @Test
    void missingEventTimeIsRequired() {
        String body = "{\"schemaVersion\":1,\"orderId\":\"O-1\",\"customerId\":\"C\",\"status\":\"IN_TRANSIT\"}";
        assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(body))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("eventTime"));
    }

    @Test
    void numbersForTextFieldsAndInstantsAreWrongTypesNotGuessedAt() {
        String numberId = "{\"schemaVersion\":1,\"orderId\":90017,\"customerId\":\"C\",\"status\":\"IN_TRANSIT\","
                + "\"eventTime\":\"2026-11-28T01:00:00Z\"}";
        String epochTime = "{\"schemaVersion\":1,\"orderId\":\"O-1\",\"customerId\":\"C\",\"status\":\"IN_TRANSIT\","
                + "\"eventTime\":1764300000}";
        assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(numberId))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("orderId"));
        assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(epochTime))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("eventTime"));
    }

    @Test
    void timesOutsideTheYears2000To2099AreRejected() {
        for (String time : new String[] {"1970-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "2100-01-01T00:00:00Z"}) {
            String body = "{\"schemaVersion\":1,\"orderId\":\"O-1\",\"customerId\":\"C\",\"status\":\"IN_TRANSIT\","
                    + "\"eventTime\":\"" + time + "\"}";
            assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(body))
                    .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("eventTime"));
        }
        String eta = "{\"schemaVersion\":1,\"orderId\":\"O-1\",\"customerId\":\"C\",\"status\":\"IN_TRANSIT\","
                + "\"eventTime\":\"2026-11-28T01:00:00Z\",\"carrierEta\":\"2999-12-31T00:00:00Z\"}";
        assertThatThrownBy(() -> ShipmentEventMessage.CONTRACT.decode(eta))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("carrierEta"));
    }
}

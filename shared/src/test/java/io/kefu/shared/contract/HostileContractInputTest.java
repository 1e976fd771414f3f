package io.kefu.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.shared.json.InvalidMessageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract-level half of the hostile cases (the stack-level half is tests/.../HostileInputTest). */
class HostileContractInputTest {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private static String shipment() throws Exception {
        return Files.readString(Path.of("../events/shipments/picked-up.json")).strip();
    }

    private static InvalidMessageException refusal(Runnable decode) {
        try {
            decode.run();
        } catch (InvalidMessageException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aDuplicateKeyIsRefusedNamingIt() throws Exception {
        String twice = shipment().replace("\"status\":\"PICKED_UP\"", "\"status\":\"PICKED_UP\",\"status\":\"LOST\"");
        InvalidMessageException e = refusal(() -> ShipmentEventMessage.CONTRACT.decode(twice, NOW));
        assertThat(e.field()).isEqualTo("status");
        assertThat(e.reason()).contains("duplicate key");
    }

    @Test
    void aFractionInAnIntegerFieldIsRefusedNamingIt() throws Exception {
        String base = shipment();
        assertThat(refusal(() -> ShipmentEventMessage.CONTRACT.decode(base.replace("\"sequence\":1", "\"sequence\":3.7"), NOW))
                .field()).isEqualTo("sequence");
        assertThat(refusal(() -> ShipmentEventMessage.CONTRACT.decode(
                base.replace("\"orderValueCents\":19900", "\"orderValueCents\":89999.99"), NOW)).field()).isEqualTo("orderValueCents");
        String answer = "{\"schemaVersion\":1,\"token\":\"Zm9yZ2VkLXRva2VuLTAwMQ\",\"csat\":2.0}";
        assertThat(refusal(() -> SurveyResponseMessage.CONTRACT.decode(answer, NOW)).field()).isEqualTo("csat");
    }

    @Test
    void aLoneSurrogateIsRefusedNamingTheField() {
        String answer = "{\"schemaVersion\":1,\"token\":\"Zm9yZ2VkLXRva2VuLTAwMQ\",\"csat\":2,\"comment\":\"bad \\ud800\"}";
        InvalidMessageException e = refusal(() -> SurveyResponseMessage.CONTRACT.decode(answer, NOW));
        assertThat(e.field()).isEqualTo("comment");
        assertThat(e.reason()).contains("lone UTF-16 surrogate \\ud800");
        String paired = answer.replace("\\ud800", "\\ud83d\\ude00"); // an emoji is a valid pair
        assertThat(SurveyResponseMessage.CONTRACT.decode(paired, NOW).comment()).endsWith("\uD83D\uDE00");
    }

    @Test
    void timesAreBoundedAgainstTheClockPassedIn() throws Exception {
        String event = shipment().replace("2026-11-27T02:00:00Z", "2026-11-30T02:00:01Z"); // 2 days + 1 s ahead
        assertThat(refusal(() -> ShipmentEventMessage.CONTRACT.decode(event, NOW)).field()).isEqualTo("eventTime");
        assertThat(ShipmentEventMessage.CONTRACT.decode(event, NOW.plusSeconds(3 * 86400)).eventTime())
                .isEqualTo(Instant.parse("2026-11-30T02:00:01Z"));
        String eta = shipment().replace("2026-11-28T06:00:00Z", "2090-01-01T00:00:00Z");
        assertThat(refusal(() -> ShipmentEventMessage.CONTRACT.decode(eta, NOW)).field()).isEqualTo("carrierEta");
    }
}

package io.kefu.functions.sweep;

import static io.kefu.shared.testing.CareStackFixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.app.care.ShipmentEventService;
import io.kefu.shared.aws.care.CareComponents;
import io.kefu.shared.aws.care.DynamoCareCaseStore;
import io.kefu.shared.contract.ShipmentEventMessage;
import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CaseStatus;
import io.kefu.shared.domain.care.DelayReason;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.testing.CareStackFixture;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** End to end on the embedded stack: the scheduled sweep with the clock moved forward. */
class SweepStalledShipmentsHandlerTest {
    private static final CareStackFixture fx = new CareStackFixture();
    private SweepStalledShipmentsHandler sweep;
    private ShipmentEventService events;

    @BeforeEach
    void freshStage() {
        fx.stack.reset();
        fx.clock.set("2026-11-28T02:00:00Z"); // 10:00 in Shanghai
        Environment env = Environment.of(fx.stack.functionEnvironment("SweepStalledShipmentsFunction"), fx.clock);
        sweep = new SweepStalledShipmentsHandler(env);
        // The shipment-event side of care, to put shipments and cases in place as the other function would.
        Environment eventsEnv = Environment.of(fx.stack.functionEnvironment("HandleShipmentEventFunction"), fx.clock);
        events = new CareComponents(eventsEnv, fx.stack.dynamoDb(), fx.stack.sqs())
                .shipmentEvents(new EventLog("test", fx.clock, new PrintStream(OutputStream.nullOutputStream())));
    }

    private void receive(String fixtureName) {
        events.handle(ShipmentEventMessage.CONTRACT.decode(fixture(fixtureName)).toDomain());
    }

    @Test
    void stalledShipmentIsFoundOnceTheClockPassesTheStallHoursAndNotifiedOnce() {
        fx.clock.set("2026-11-27T01:05:00Z");
        receive("in-transit-quiet.json"); // O-4004, last scan 2026-11-27T01:00Z

        fx.clock.set("2026-11-28T12:00:00Z"); // 35 h of silence: not yet
        assertThat(sweep.handleRequest(null, null)).containsEntry("stalledFound", 0);
        fx.clock.set("2026-11-28T13:01:00Z"); // just over 36 h: 21:01 in Shanghai
        assertThat(sweep.handleRequest(null, null)).containsEntry("stalledFound", 1).containsEntry("noticesSent", 1);
        assertThat(sweep.handleRequest(null, null)).containsEntry("stalledFound", 0); // handled: out of the index

        assertThat(fx.drainJson("OutboundMessagesQueue")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("messageKey", "care-notice:O-4004:STALLED:0").containsEntry("kind", "CARE_NOTICE"));
        Map<String, AttributeValue> shipment = fx.item("ShipmentsTable", "ORDER#O-4004", "SHIPMENT");
        assertThat(shipment.get("gsi1pk")).isNull();
    }

    @Test
    void nextScanAfterAStallRecoversTheCaseAndPutsTheShipmentBackInTheIndex() {
        fx.clock.set("2026-11-27T01:05:00Z");
        receive("in-transit-quiet.json");
        fx.clock.set("2026-11-28T13:01:00Z");
        sweep.handleRequest(null, null);
        fx.drain("OutboundMessagesQueue");

        String later = fixture("in-transit-quiet.json").replace("2026-11-27T01:00:00Z", "2026-11-28T13:30:00Z")
                .replace("\"sequence\":2", "\"sequence\":3");
        fx.clock.set("2026-11-28T13:31:00Z");
        events.handle(ShipmentEventMessage.CONTRACT.decode(later).toDomain());

        assertThat(fx.drainJson("OutboundMessagesQueue")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("kind", "CARE_RECOVERY"));
        assertThat(fx.item("CareCasesTable", "ORDER#O-4004", "INCIDENT#STALLED#0").get("status").s()).isEqualTo("RECOVERED");
        assertThat(fx.item("ShipmentsTable", "ORDER#O-4004", "SHIPMENT").get("gsi1pk").s()).startsWith("INTRANSIT#");
    }

    @Test
    void noticeDeferredByQuietHoursIsSentByTheSweepInTheMorning() {
        fx.clock.set("2026-11-28T15:30:00Z"); // 23:30 in Shanghai
        receive("weather-exception.json");
        assertThat(fx.drain("OutboundMessagesQueue")).isEmpty();

        fx.clock.set("2026-11-28T23:55:00Z"); // 07:55
        assertThat(sweep.handleRequest(null, null)).containsEntry("deferredSent", 0);
        fx.clock.set("2026-11-29T00:00:00Z"); // 08:00
        assertThat(sweep.handleRequest(null, null)).containsEntry("deferredSent", 1);
        assertThat(sweep.handleRequest(null, null)).containsEntry("deferredSent", 0);

        assertThat(fx.drainJson("OutboundMessagesQueue")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("messageKey", "care-notice:O-1001:WEATHER:0"));
        assertThat(fx.item("CareCasesTable", "ORDER#O-1001", "INCIDENT#WEATHER#0").get("status").s()).isEqualTo("NOTIFIED");
    }

    @Test
    void noticeLeftPendingByACrashIsSentByTheSweepAfterTheRetryDelay() {
        // What a crash right after recording leaves: a NOTICE_PENDING case, due now, nothing sent.
        Instant now = Instant.parse("2026-11-28T02:00:00Z");
        fx.clock.set("2026-11-28T02:00:00Z");
        DynamoCareCaseStore cases = new DynamoCareCaseStore(fx.stack.dynamoDb(), fx.stack.tableName("CareCasesTable"));
        IncidentId id = new IncidentId("O-1001", DelayReason.WEATHER, 0);
        cases.create(new CareCase(id, "C-1001", CaseStatus.NOTICE_PENDING, now, "k", 36, null, "SF Express", "SF1",
                List.of(), false, now, null, null, null, null, null, List.of()), now.plusSeconds(300));

        fx.clock.set("2026-11-28T02:04:00Z");
        assertThat(sweep.handleRequest(null, null)).containsEntry("deferredSent", 0); // the handler may still be on it
        fx.clock.set("2026-11-28T02:05:00Z");
        assertThat(sweep.handleRequest(null, null)).containsEntry("deferredSent", 1);
        assertThat(fx.drain("OutboundMessagesQueue")).hasSize(1);
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.NOTIFIED);
    }

    @Test
    void secondOrderOverTheDailyCapIsDeferredAndSentWhenTheWindowPasses() {
        receive("weather-exception.json"); // C-1001, 10:00 Shanghai
        String secondOrder = fixture("weather-exception.json").replace("O-1001", "O-1002");
        fx.clock.set("2026-11-28T03:00:00Z");
        events.handle(ShipmentEventMessage.CONTRACT.decode(secondOrder).toDomain());
        assertThat(fx.drain("OutboundMessagesQueue")).hasSize(1);
        assertThat(fx.item("CareCasesTable", "ORDER#O-1002", "INCIDENT#WEATHER#0").get("deferredReason").s())
                .isEqualTo("FREQUENCY_CAP");

        fx.clock.set("2026-11-29T02:00:00Z"); // 24 h after the first notice
        assertThat(sweep.handleRequest(null, null)).containsEntry("deferredSent", 1);
        assertThat(fx.drainJson("OutboundMessagesQueue")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("referenceId", "O-1002"));
    }
}

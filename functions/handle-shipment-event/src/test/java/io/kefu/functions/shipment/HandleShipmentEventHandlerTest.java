package io.kefu.functions.shipment;

import static io.kefu.shared.testing.CareStackFixture.batch;
import static io.kefu.shared.testing.CareStackFixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.kefu.shared.aws.CustomerPreferencesRepository;
import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.customer.QuietHours;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.testing.CareStackFixture;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** End to end on the embedded stack: SQS event in, DynamoDB state and queue messages out. */
class HandleShipmentEventHandlerTest {
    private static final CareStackFixture fx = new CareStackFixture();
    private HandleShipmentEventHandler handler;

    @BeforeEach
    void freshStage() {
        fx.stack.reset();
        fx.clock.set("2026-11-28T02:00:00Z"); // 10:00 in Shanghai
        handler = new HandleShipmentEventHandler(
                Environment.of(fx.stack.functionEnvironment("HandleShipmentEventFunction"), fx.clock));
    }

    private SQSBatchResponse send(String... fixtures) {
        return handler.handleRequest(batch(java.util.Arrays.stream(fixtures).map(CareStackFixture::fixture)
                .toArray(String[]::new)), null);
    }

    @Test
    void weatherExceptionSendsExactlyOneNoticeWithTheWeatherTemplateAndCoupon() {
        assertThat(send("weather-exception.json").getBatchItemFailures()).isEmpty();

        List<Map<String, Object>> out = fx.drainJson("OutboundMessagesQueue");
        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("kind", "CARE_NOTICE")
                    .containsEntry("messageKey", "care-notice:O-1001:WEATHER:0")
                    .containsEntry("channel", "APP_PUSH")
                    .containsEntry("referenceId", "O-1001");
            assertThat((String) m.get("body")).contains("恶劣天气").contains("11月30日").contains("10元优惠券");
        });
        Map<String, AttributeValue> c = fx.item("CareCasesTable", "ORDER#O-1001", "INCIDENT#WEATHER#0");
        assertThat(c.get("status").s()).isEqualTo("NOTIFIED");
        assertThat(c.get("gsi1pk")).as("left the pending index").isNull();
        assertThat(c.get("actions").l()).anyMatch(a -> a.s().contains("NOTICE_SENT APP_PUSH OFFERED:COUPON=1000"));
    }

    @Test
    void theSameEventThreeTimesStillSendsOneNotice() {
        send("weather-exception.json");
        send("weather-exception.json", "weather-exception.json"); // redelivered, and duplicated in one batch
        assertThat(fx.drain("OutboundMessagesQueue")).hasSize(1);
    }

    @Test
    void badMessageIsParkedWithItsFieldAndIdAndTheRestOfTheBatchIsProcessed() {
        SQSBatchResponse response = send("invalid-unknown-status.json", "weather-exception.json");

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fx.drain("OutboundMessagesQueue")).hasSize(1);
        List<Message> parked = fx.drain("ShipmentEventsDlq");
        assertThat(parked).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get("kefu.error.field").stringValue()).isEqualTo("status");
            assertThat(m.messageAttributes().get("kefu.error.reason").stringValue())
                    .startsWith("unknown value TELEPORTED, expected one of CREATED");
            assertThat(m.messageAttributes()).containsKey("kefu.source.messageId");
        });
    }

    @Test
    void parcelMovingAgainClosesTheCaseWithABackOnTrackNote() {
        send("weather-exception.json");
        fx.clock.set("2026-11-28T05:30:00Z");
        send("in-transit-again.json");

        List<Map<String, Object>> out = fx.drainJson("OutboundMessagesQueue");
        assertThat(out).extracting(m -> m.get("kind")).containsExactly("CARE_NOTICE", "CARE_RECOVERY");
        assertThat((String) out.get(1).get("body")).contains("恢复运输");
        Map<String, AttributeValue> c = fx.item("CareCasesTable", "ORDER#O-1001", "INCIDENT#WEATHER#0");
        assertThat(c.get("status").s()).isEqualTo("RECOVERED");
        assertThat(c.get("closedAt")).isNotNull();
        assertThat(fx.item("ShipmentsTable", "ORDER#O-1001", "SHIPMENT").get("episode").n()).isEqualTo("1");
    }

    @Test
    void deliveryAfterADelayApologisesAndAsksForAPostDeliverySurvey() {
        send("weather-exception.json");
        fx.clock.set("2026-11-29T03:05:00Z");
        send("delivered.json");

        assertThat(fx.drainJson("OutboundMessagesQueue")).extracting(m -> m.get("kind"))
                .containsExactly("CARE_NOTICE", "CARE_RECOVERY");
        assertThat(fx.drainJson("SurveyRequestsQueue")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("requestId", "delivery:O-1001").containsEntry("kind", "POST_DELIVERY")
                .containsEntry("subjectId", "O-1001"));
    }

    @Test
    void olderEventArrivingAfterANewerOneChangesNothing() {
        send("in-transit-again.json");
        send("weather-exception.json"); // older: the parcel has moved on since

        assertThat(fx.drain("OutboundMessagesQueue")).isEmpty();
        Map<String, AttributeValue> shipment = fx.item("ShipmentsTable", "ORDER#O-1001", "SHIPMENT");
        assertThat(shipment.get("status").s()).isEqualTo("IN_TRANSIT");
        assertThat(shipment.get("gsi1pk").s()).startsWith("INTRANSIT#");
    }

    @Test
    void quietHoursDeferTheNoticeToEightInTheCustomersMorning() {
        fx.clock.set("2026-11-28T15:30:00Z"); // 23:30 in Shanghai
        send("weather-exception.json");

        assertThat(fx.drain("OutboundMessagesQueue")).isEmpty();
        Map<String, AttributeValue> c = fx.item("CareCasesTable", "ORDER#O-1001", "INCIDENT#WEATHER#0");
        assertThat(c.get("status").s()).isEqualTo("NOTICE_PENDING");
        assertThat(c.get("dueAt").s()).isEqualTo("2026-11-29T00:00:00.000Z");
        assertThat(c.get("gsi1pk").s()).isEqualTo("PENDING#STD");
        assertThat(c.get("gsi1sk").s()).isEqualTo("2026-11-29T00:00:00.000Z");
    }

    @Test
    void optedOutCustomerGetsNothingButTheCaseIsRecorded() {
        new CustomerPreferencesRepository(fx.stack.dynamoDb(), fx.stack.tableName("CustomerPreferencesTable"))
                .save(new CustomerPreferences("C-1001", Channel.SMS, "zh-CN", ZoneId.of("Asia/Shanghai"),
                        QuietHours.DEFAULT, true, false, false));
        send("weather-exception.json");

        assertThat(fx.drain("OutboundMessagesQueue")).isEmpty();
        assertThat(fx.item("CareCasesTable", "ORDER#O-1001", "INCIDENT#WEATHER#0").get("status").s())
                .isEqualTo("SUPPRESSED_OPT_OUT");
    }

    @Test
    void lostParcelOfferAboveTheLimitGoesToTheApprovalQueueNotTheCustomer() {
        send("lost.json");

        assertThat(fx.drainJson("CareApprovalsQueue")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("offerType", "RESHIP").containsEntry("valueCents", 89900)
                .containsEntry("approvalKey", "care-approval:O-3003:LOST:0:RESHIP"));
        assertThat(fx.drainJson("OutboundMessagesQueue")).singleElement()
                .satisfies(m -> assertThat((String) m.get("body")).contains("客服将尽快联系您").doesNotContain("补发"));
    }

    @Test
    void englishSmsCustomerGetsEnglishTextWithinSeventyCharacters() {
        new CustomerPreferencesRepository(fx.stack.dynamoDb(), fx.stack.tableName("CustomerPreferencesTable"))
                .save(new CustomerPreferences("C-2002", Channel.SMS, "en", ZoneId.of("Asia/Shanghai"),
                        QuietHours.DEFAULT, false, false, false));
        send("eta-late.json");

        assertThat(fx.drainJson("OutboundMessagesQueue")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("channel", "SMS").containsEntry("locale", "en")
                    .containsEntry("messageKey", "care-notice:O-2002:ETA_LATE:0");
            assertThat(((String) m.get("body")).length()).isLessThanOrEqualTo(70);
            assertThat((String) m.get("body")).startsWith("Order O-2002 is delayed by a carrier delay.");
        });
    }
}

package io.kefu.shared.app.care;

import io.kefu.shared.effects.Invocation;
import io.kefu.shared.effects.Lease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.local.stack.ManualClock;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CarePolicy;
import io.kefu.shared.domain.care.CarePolicyLoader;
import io.kefu.shared.domain.care.CaseStatus;
import io.kefu.shared.domain.care.DelayReason;
import io.kefu.shared.domain.care.ExceptionCode;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.ShipmentEvent;
import io.kefu.shared.domain.care.ShipmentStatus;
import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.customer.QuietHours;
import io.kefu.shared.runtime.EventLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ShipmentEventServiceTest {
    private static final CarePolicy POLICY = CarePolicyLoader.loadDefault();
    private static final IncidentId WEATHER_0 = new IncidentId("O-1", DelayReason.WEATHER, 0);

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T02:00:00Z")); // 10:00 in Shanghai
    private final InMemoryCareStores.Shipments shipments = new InMemoryCareStores.Shipments();
    private final InMemoryCareStores.Cases cases = new InMemoryCareStores.Cases();
    private final InMemoryCareStores.Cap cap = new InMemoryCareStores.Cap();
    private final InMemoryCareStores.Preferences prefs = new InMemoryCareStores.Preferences();
    private final InMemoryCareStores.Messages messages = new InMemoryCareStores.Messages();
    private final EventLog log = new EventLog("test", clock, new PrintStream(OutputStream.nullOutputStream()));
    private final ShipmentEventService service =
            new ShipmentEventService(POLICY, shipments, cases, cap, prefs, messages, clock, log);
    private final StalledShipmentSweep sweep =
            new StalledShipmentSweep(POLICY, shipments, cases, cap, prefs, messages, clock, log);

    private static ShipmentEvent event(String orderId, String customerId, ShipmentStatus status, ExceptionCode code,
                                       String time, String eta) {
        return new ShipmentEvent("e", orderId, customerId, "SF", "SF1", status, code, Instant.parse(time), 0,
                LocalDate.parse("2026-11-28"), eta == null ? null : Instant.parse(eta), "CN-31", 19900L, 1200L);
    }

    private static ShipmentEvent weather(String time) {
        return event("O-1", "C-1", ShipmentStatus.EXCEPTION, ExceptionCode.WEATHER, time, "2026-11-30T04:00:00Z");
    }

    private static ShipmentEvent scan(String orderId, ShipmentStatus status, String time) {
        return event(orderId, "C-1", status, null, time, null);
    }

    @Test
    void weatherExceptionSendsOneNoticeWithTheWeatherTemplateAndCoupon() {
        service.handle(weather("2026-11-28T01:00:00Z"));

        assertThat(messages.sent).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("CARE_NOTICE");
            assertThat(m.messageKey()).isEqualTo("care-notice:O-1:WEATHER:0");
            assertThat(m.channel()).isEqualTo(Channel.APP_PUSH);
            assertThat(m.body()).contains("恶劣天气").contains("11月30日").contains("10元优惠券");
        });
        CareCase c = cases.find(WEATHER_0).orElseThrow();
        assertThat(c.status()).isEqualTo(CaseStatus.NOTIFIED);
        assertThat(c.actions()).anyMatch(a -> a.contains("NOTICE_SENT APP_PUSH OFFERED:COUPON=1000"));
    }

    @Test
    void sameEventThreeTimesStillSendsOneNotice() {
        for (int i = 0; i < 3; i++) {
            service.handle(weather("2026-11-28T01:00:00Z"));
        }
        assertThat(messages.sent).hasSize(1);
    }

    @Test
    void repeatedWeatherExceptionWithALaterTimeIsTheSameIncident() {
        service.handle(weather("2026-11-28T01:00:00Z"));
        service.handle(weather("2026-11-28T05:00:00Z"));
        assertThat(messages.sent).hasSize(1);
        assertThat(cases.items).hasSize(1);
    }

    @Test
    void olderEventArrivingLateDoesNotOverwriteNewerStateNorOpenACase() {
        service.handle(scan("O-1", ShipmentStatus.IN_TRANSIT, "2026-11-28T01:00:00Z"));
        String outcome = service.handle(weather("2026-11-28T00:30:00Z"));
        assertThat(outcome).isEqualTo("STALE_IGNORED");
        assertThat(shipments.find("O-1").orElseThrow().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(messages.sent).isEmpty();
    }

    @Test
    void crashBetweenRecordingAndSendingIsFinishedByTheRedeliveryWithTheSameKey() {
        messages.failNextSends = 1;
        assertThatThrownBy(() -> service.handle(weather("2026-11-28T01:00:00Z"))).isInstanceOf(IllegalStateException.class);
        assertThat(cases.find(WEATHER_0).orElseThrow().status()).isEqualTo(CaseStatus.NOTICE_PENDING);

        assertThat(cases.leaseUntil).doesNotContainKey(WEATHER_0); // the failed send handed its lease back

        service.handle(weather("2026-11-28T01:00:00Z")); // SQS redelivers
        assertThat(messages.sent).extracting(OutboundMessage::messageKey).containsExactly("care-notice:O-1:WEATHER:0");
        assertThat(cases.find(WEATHER_0).orElseThrow().status()).isEqualTo(CaseStatus.NOTIFIED);
    }

    @Test
    void failureAfterTheSendHandsTheLeaseBackSoTheRedeliveryFinishesWithTheSameKey() {
        cases.failNextMarks = 1;
        assertThatThrownBy(() -> service.handle(weather("2026-11-28T01:00:00Z"))).isInstanceOf(IllegalStateException.class);
        assertThat(cases.leaseUntil).doesNotContainKey(WEATHER_0);

        service.handle(weather("2026-11-28T01:00:00Z")); // SQS redelivers
        assertThat(messages.sent).extracting(OutboundMessage::messageKey)
                .containsExactly("care-notice:O-1:WEATHER:0", "care-notice:O-1:WEATHER:0"); // the gateway keeps one
        assertThat(cases.find(WEATHER_0).orElseThrow().status()).isEqualTo(CaseStatus.NOTIFIED);
    }

    @Test
    void crashWithoutRedeliveryIsFinishedByTheSweepAfterTheRetryDelay() {
        messages.failNextSends = 1;
        assertThatThrownBy(() -> service.handle(weather("2026-11-28T01:00:00Z")));
        assertThat(sweep.run()).containsEntry("deferredSent", 0); // too early: the handler may still be at it
        clock.advance(Duration.ofMinutes(6));
        assertThat(sweep.run()).containsEntry("deferredSent", 1);
        assertThat(messages.delivered()).hasSize(1);
    }

    @Test
    void quietHoursDeferTheNoticeToEightInTheMorningWhenTheSweepSendsIt() {
        clock.set("2026-11-28T15:30:00Z"); // 23:30 in Shanghai
        service.handle(weather("2026-11-28T15:00:00Z"));
        assertThat(messages.sent).isEmpty();
        CareCase c = cases.find(WEATHER_0).orElseThrow();
        assertThat(c.dueAt()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(c.deferredReason()).isEqualTo("QUIET_HOURS");

        clock.set("2026-11-28T23:59:00Z");
        assertThat(sweep.run()).containsEntry("deferredSent", 0);
        clock.set("2026-11-29T00:02:00Z");
        assertThat(sweep.run()).containsEntry("deferredSent", 1);
        assertThat(messages.sent).singleElement().extracting(OutboundMessage::kind).isEqualTo("CARE_NOTICE");
    }

    @Test
    void secondOrderWithinTheCapWindowIsDeferredNotDropped() {
        service.handle(weather("2026-11-28T01:00:00Z"));
        clock.advance(Duration.ofHours(2));
        service.handle(event("O-2", "C-1", ShipmentStatus.EXCEPTION, ExceptionCode.HUB_BACKLOG, "2026-11-28T03:00:00Z", null));
        assertThat(messages.sent).hasSize(1);
        CareCase second = cases.find(new IncidentId("O-2", DelayReason.HUB_BACKLOG, 0)).orElseThrow();
        assertThat(second.deferredReason()).isEqualTo("FREQUENCY_CAP");
        assertThat(second.dueAt()).isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));

        clock.set("2026-11-29T02:01:00Z");
        sweep.run();
        assertThat(messages.sent).extracting(OutboundMessage::referenceId).containsExactly("O-1", "O-2");
    }

    @Test
    void vipCustomerIsNotHeldBackByTheCap() {
        prefs.items.put("C-1", new CustomerPreferences("C-1", Channel.SMS, "en", ZoneId.of("Asia/Shanghai"),
                QuietHours.DEFAULT, false, false, true));
        service.handle(weather("2026-11-28T01:00:00Z"));
        service.handle(event("O-2", "C-1", ShipmentStatus.EXCEPTION, ExceptionCode.HUB_BACKLOG, "2026-11-28T01:10:00Z", null));
        assertThat(messages.sent).hasSize(2).allSatisfy(m -> assertThat(m.body().length()).isLessThanOrEqualTo(70));
    }

    @Test
    void optedOutCustomerGetsNothingButTheCaseIsRecorded() {
        prefs.items.put("C-1", new CustomerPreferences("C-1", Channel.SMS, "zh-CN", ZoneId.of("Asia/Shanghai"),
                QuietHours.DEFAULT, true, false, false));
        service.handle(weather("2026-11-28T01:00:00Z"));
        assertThat(messages.sent).isEmpty();
        assertThat(cases.find(WEATHER_0).orElseThrow().status()).isEqualTo(CaseStatus.SUPPRESSED_OPT_OUT);
    }

    @Test
    void parcelMovingAgainClosesTheCaseWithABackOnTrackNote() {
        service.handle(weather("2026-11-28T01:00:00Z"));
        clock.advance(Duration.ofHours(3));
        service.handle(event("O-1", "C-1", ShipmentStatus.IN_TRANSIT, null, "2026-11-28T04:00:00Z", "2026-11-28T10:00:00Z"));

        assertThat(messages.sent).extracting(OutboundMessage::kind).containsExactly("CARE_NOTICE", "CARE_RECOVERY");
        assertThat(messages.sent.get(1).body()).contains("恢复运输");
        assertThat(cases.find(WEATHER_0).orElseThrow().status()).isEqualTo(CaseStatus.RECOVERED);
        assertThat(shipments.find("O-1").orElseThrow().episode()).isEqualTo(1);
    }

    @Test
    void lostAfterRecoveryIsANewIncidentWithAReshipForApproval() {
        service.handle(weather("2026-11-28T01:00:00Z"));
        service.handle(scan("O-1", ShipmentStatus.IN_TRANSIT, "2026-11-28T01:30:00Z"));
        service.handle(event("O-1", "C-1", ShipmentStatus.EXCEPTION, ExceptionCode.LOST, "2026-11-28T01:40:00Z", null));

        // LOST is exempt from the cap, so it goes out at once despite the WEATHER notice an hour ago.
        assertThat(messages.sent).extracting(OutboundMessage::messageKey)
                .containsExactly("care-notice:O-1:WEATHER:0", "care-recovery:O-1:WEATHER:0", "care-notice:O-1:LOST:1");
        assertThat(messages.approvals).singleElement().satisfies(a -> {
            assertThat(a.offerType()).isEqualTo("RESHIP");
            assertThat(a.valueCents()).isEqualTo(19900);
        });
    }

    @Test
    void twoNotifiersRacingOnOneIncidentSendOnce() {
        IncidentId lost = new IncidentId("O-1", DelayReason.LOST, 0);
        clock.set("2026-11-28T15:30:00Z"); // 23:30 in Shanghai: deferred, both instances pick it up at 08:00
        service.handle(event("O-1", "C-1", ShipmentStatus.EXCEPTION, ExceptionCode.LOST, "2026-11-28T15:00:00Z", null));
        assertThat(messages.sent).isEmpty();
        clock.set("2026-11-29T00:02:00Z");
        CareCase seenByBoth = cases.find(lost).orElseThrow();
        CareNotifier first = new CareNotifier(POLICY, cases, cap, prefs, messages);
        CareNotifier second = new CareNotifier(POLICY, cases, cap, prefs, messages);
        CareNotifier.Delivery[] secondDid = new CareNotifier.Delivery[1];
        // The second reads the same NOTICE_PENDING case and tries while the first is sending.
        messages.duringNextSend = () -> secondDid[0] = second.deliver(seenByBoth, clock.instant(), Invocation.fresh(clock));

        assertThat(first.deliver(seenByBoth, clock.instant(), Invocation.fresh(clock))).isEqualTo(CareNotifier.Delivery.SENT);

        assertThat(secondDid[0]).isEqualTo(CareNotifier.Delivery.IN_FLIGHT);
        assertThat(messages.sent).extracting(OutboundMessage::messageKey).containsExactly("care-notice:O-1:LOST:0");
        assertThat(messages.approvals).hasSize(1);
        assertThat(cases.find(lost).orElseThrow().status()).isEqualTo(CaseStatus.NOTIFIED);
        assertThat(cases.leaseUntil).doesNotContainKey(lost); // marking NOTIFIED drops the lease
        // The loser's stale copy, retried later, finds the case moved on and sends nothing.
        clock.advance(Duration.ofMinutes(10));
        assertThat(second.deliver(seenByBoth, clock.instant(), Invocation.fresh(clock))).isEqualTo(CareNotifier.Delivery.IN_FLIGHT);
        assertThat(messages.sent).hasSize(1);
    }

    @Test
    void crashedLeaseHolderIsFinishedByTheSweepOnceTheLeaseEnds() {
        clock.set("2026-11-28T15:30:00Z");
        service.handle(weather("2026-11-28T15:00:00Z")); // quiet hours: deferred to 08:00
        clock.set("2026-11-29T00:02:00Z");
        // An instance won the lease and then died mid-send (process gone: nothing handed the lease back).
        assertThat(cases.claimSend(WEATHER_0, CaseStatus.NOTICE_PENDING, clock.instant(),
                Lease.until(clock.instant().plus(Duration.ofMinutes(POLICY.sending().pendingRetryMinutes()))))).isTrue();
        assertThat(service.handle(weather("2026-11-28T15:00:00Z"))).isNotNull(); // a redelivery meanwhile: no send
        assertThat(messages.sent).isEmpty();
        clock.advance(Duration.ofMinutes(POLICY.sending().pendingRetryMinutes()).minusSeconds(30));
        assertThat(sweep.run()).containsEntry("deferredSent", 0); // lease still held: nobody else sends
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweep.run()).containsEntry("deferredSent", 1);
        assertThat(messages.sent).extracting(OutboundMessage::messageKey).containsExactly("care-notice:O-1:WEATHER:0");
    }

    @Test
    void lateEtaWhileAWeatherCaseIsOpenSendsNoSecondNotice() {
        service.handle(weather("2026-11-28T01:00:00Z"));
        service.handle(event("O-1", "C-1", ShipmentStatus.IN_TRANSIT, null, "2026-11-28T01:30:00Z", "2026-11-30T10:00:00Z"));
        assertThat(messages.sent).hasSize(1);
        assertThat(cases.find(WEATHER_0).orElseThrow().status()).isEqualTo(CaseStatus.NOTIFIED);
    }

    @Test
    void deliveryAfterADelayApologisesAndAsksForASurveyOnce() {
        service.handle(weather("2026-11-28T01:00:00Z"));
        service.handle(scan("O-1", ShipmentStatus.DELIVERED, "2026-11-28T06:00:00Z"));
        service.handle(scan("O-1", ShipmentStatus.DELIVERED, "2026-11-28T06:00:00Z"));

        assertThat(messages.delivered()).extracting(OutboundMessage::kind).containsExactly("CARE_NOTICE", "CARE_RECOVERY");
        assertThat(messages.sent.get(1).body()).contains("已送达");
        assertThat(messages.surveys).isNotEmpty().allSatisfy(s -> {
            assertThat(s.requestId()).isEqualTo("delivery:O-1");
            assertThat(s.kind()).isEqualTo("POST_DELIVERY");
        });
    }

    @Test
    void onTimeDeliveryAsksForNoSurvey() {
        service.handle(scan("O-1", ShipmentStatus.IN_TRANSIT, "2026-11-28T01:00:00Z"));
        service.handle(scan("O-1", ShipmentStatus.DELIVERED, "2026-11-28T06:00:00Z"));
        assertThat(messages.surveys).isEmpty();
        assertThat(messages.sent).isEmpty();
    }

    @Test
    void deferredNoticeIsWithdrawnWhenTheParcelRecoversBeforeMorning() {
        clock.set("2026-11-28T15:30:00Z"); // night in Shanghai
        service.handle(weather("2026-11-28T15:00:00Z"));
        service.handle(scan("O-1", ShipmentStatus.IN_TRANSIT, "2026-11-28T16:00:00Z"));
        clock.set("2026-11-29T00:10:00Z");
        sweep.run();
        assertThat(messages.sent).isEmpty();
        assertThat(cases.find(WEATHER_0).orElseThrow().status()).isEqualTo(CaseStatus.RESOLVED_BEFORE_NOTICE);
    }

    @Test
    void stalledShipmentIsFoundByTheSweepOnceTheClockPassesTheStallHours() {
        service.handle(scan("O-1", ShipmentStatus.IN_TRANSIT, "2026-11-28T01:00:00Z"));
        clock.set("2026-11-29T12:00:00Z"); // 35 h later
        assertThat(sweep.run()).containsEntry("stalledFound", 0);
        clock.set("2026-11-29T14:00:00Z"); // 37 h later, 22:00 in Shanghai: quiet
        assertThat(sweep.run()).containsEntry("stalledFound", 1).containsEntry("noticesDeferred", 1);
        assertThat(sweep.run()).containsEntry("stalledFound", 0); // out of the index now
        clock.set("2026-11-30T00:05:00Z");
        assertThat(sweep.run()).containsEntry("deferredSent", 1);
        assertThat(messages.sent).singleElement().satisfies(m -> assertThat(m.messageKey()).isEqualTo("care-notice:O-1:STALLED:0"));
    }

    @Test
    void concurrentWriteForTheSameOrderIsDecidedAgainFromAFreshRead() {
        service.handle(scan("O-1", ShipmentStatus.IN_TRANSIT, "2026-11-28T00:00:00Z"));
        // While we handle the weather exception, a newer scan is written by another invocation.
        shipments.racingWrite = io.kefu.shared.domain.care.Shipment.after(shipments.find("O-1").orElseThrow(),
                scan("O-1", ShipmentStatus.IN_TRANSIT, "2026-11-28T01:30:00Z"), false);

        assertThat(service.handle(weather("2026-11-28T01:00:00Z"))).isEqualTo("STALE_IGNORED");
        assertThat(shipments.find("O-1").orElseThrow().lastScanAt()).isEqualTo(Instant.parse("2026-11-28T01:30:00Z"));
        assertThat(messages.sent).isEmpty();
    }
}

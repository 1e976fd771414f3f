package io.kefu.shared.domain.care;

import static io.kefu.shared.domain.care.CareFixtures.POLICY;
import static io.kefu.shared.domain.care.CareFixtures.SHANGHAI;
import static io.kefu.shared.domain.care.CareFixtures.careCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.customer.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeRendererTest {
    private final NoticeRenderer renderer = new NoticeRenderer(POLICY.templates());
    private static final Instant ETA = Instant.parse("2026-11-30T18:00:00Z"); // Dec 1 02:00 in Shanghai

    @Test
    void weatherNoticeInChineseAppPushNamesReasonNewEtaInCustomerZoneAndOffer() {
        CareCase c = careCase(DelayReason.WEATHER, "SF123", ETA, List.of(new Offer(OfferType.COUPON, 1000, "r", false)));
        assertThat(renderer.notice(c, "zh-CN", Channel.APP_PUSH, SHANGHAI))
                .isEqualTo("抱歉，您的订单O-1001因恶劣天气可能延误。新的预计送达时间：12月1日。送您10元优惠券。");
    }

    @Test
    void etaDateFollowsTheCustomersZone() {
        CareCase c = careCase(DelayReason.WEATHER, "SF123", ETA, List.of());
        assertThat(renderer.notice(c, "en", Channel.APP_PUSH, ZoneId.of("America/New_York")))
                .isEqualTo("Sorry, order O-1001 is delayed by severe weather. New estimated delivery: Nov 30.");
    }

    @Test
    void unknownEtaLeavesTheEtaSentenceOutAndLostUsesItsOwnTemplate() {
        CareCase c = careCase(DelayReason.LOST, "SF123", null, List.of(new Offer(OfferType.RESHIP, 3000, "r", false)));
        assertThat(renderer.notice(c, "en", Channel.SMS, SHANGHAI))
                .isEqualTo("Order O-1001: parcel lost, sorry. We will send a replacement.");
    }

    @Test
    void offerWaitingForApprovalIsNotPromisedToTheCustomer() {
        CareCase c = careCase(DelayReason.WEATHER, "SF123", null, List.of(new Offer(OfferType.COUPON, 6000, "r", true)));
        assertThat(renderer.notice(c, "en", Channel.IM, SHANGHAI))
                .contains("An agent will contact you about compensation.").doesNotContain("60");
    }

    @Test
    void placeholderInsideCustomerDataStaysLiteralAndControlCharactersAreStripped() {
        CareCase c = careCase(DelayReason.WEATHER, "{offer}\u202E\n\u0007X1", null,
                List.of(new Offer(OfferType.COUPON, 500, "r", false)));
        String text = renderer.notice(c, "en", Channel.IM, SHANGHAI);
        assertThat(text).contains("(SF {offer} X1)").doesNotContain("\u202E").doesNotContain("\u0007");
        assertThat(text.indexOf("5 yuan")).isEqualTo(text.lastIndexOf("5 yuan")); // the offer once, from the template
    }

    @Test
    void smsIsCutToSeventyCharactersAtABoundaryWithAnEllipsis() {
        CareCase c = careCase(DelayReason.HUB_BACKLOG, "SF123", ETA, List.of(
                new Offer(OfferType.ALTERNATIVE_CARRIER, 0, "r", false),
                new Offer(OfferType.COUPON, 1000, "r", false)));
        String text = renderer.notice(c, "en", Channel.SMS, SHANGHAI);
        assertThat(text.length()).isLessThanOrEqualTo(Channel.SMS.maxChars());
        assertThat(text).startsWith("Order O-1001 is delayed by a backlog").endsWith("…");
        assertThat(text).doesNotEndWith(" …");
    }

    @Test
    void fittingNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00".repeat(50); // 100 UTF-16 units, no boundaries
        String fitted = NoticeRenderer.fit(emoji, 70);
        assertThat(fitted.length()).isLessThanOrEqualTo(70);
        assertThat(Character.isHighSurrogate(fitted.charAt(fitted.length() - 2))).isFalse();
    }

    @Test
    void longCustomerValueIsCappedBeforeInsertion() {
        assertThat(NoticeRenderer.clean("A".repeat(500)).length()).isLessThanOrEqualTo(40);
    }

    @Test
    void recoveryNotesComeInBothKinds() {
        CareCase c = careCase(DelayReason.WEATHER, "SF123", ETA, List.of());
        assertThat(renderer.recovery(c, RecoveryKind.BACK_ON_TRACK, "en", Channel.APP_PUSH, SHANGHAI))
                .isEqualTo("Good news: order O-1001 is on its way again. New estimated delivery: Dec 1.");
        assertThat(renderer.recovery(c, RecoveryKind.DELIVERED, "zh-CN", Channel.SMS, SHANGHAI))
                .isEqualTo("您的订单O-1001已送达，抱歉让您久等。");
    }
}

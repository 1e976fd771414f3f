package io.kefu.shared.aws.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.LocalAwsStack;
import io.kefu.shared.app.care.CustomerCap;
import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CaseStatus;
import io.kefu.shared.domain.care.DelayReason;
import io.kefu.shared.domain.care.ExceptionCode;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.Offer;
import io.kefu.shared.domain.care.OfferType;
import io.kefu.shared.domain.care.RecoveryKind;
import io.kefu.shared.domain.care.Shipment;
import io.kefu.shared.domain.care.ShipmentEvent;
import io.kefu.shared.domain.care.ShipmentStatus;
import io.kefu.shared.domain.customer.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DynamoDB adapters against dynalite: conditions, sparse indexes and pagination behave as the ports promise. */
class DynamoCareAdaptersTest {
    private static final LocalAwsStack stack = LocalAwsStack.isolated();
    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    private final DynamoShipmentStore shipments =
            new DynamoShipmentStore(stack.dynamoDb(), stack.tableName("ShipmentsTable"), 8);
    private final DynamoCareCaseStore cases = new DynamoCareCaseStore(stack.dynamoDb(), stack.tableName("CareCasesTable"));
    private final DynamoCustomerCap cap = new DynamoCustomerCap(stack.dynamoDb(), stack.tableName("CustomerPreferencesTable"));

    @BeforeEach
    void empty() {
        stack.reset();
    }

    private static Shipment shipment(String orderId, ShipmentStatus status, Instant at) {
        ShipmentEvent e = new ShipmentEvent("e", orderId, "C-1", "SF", "SF1", status,
                status == ShipmentStatus.EXCEPTION ? ExceptionCode.WEATHER : null, at, 0, LocalDate.parse("2026-11-28"),
                null, "CN-31", 100L, null);
        return Shipment.after(null, e, false);
    }

    @Test
    void shipmentWriteIsConditionalOnTheStateThatWasRead() {
        Shipment first = shipment("O-1", ShipmentStatus.IN_TRANSIT, T0);
        assertThat(shipments.save(first, null)).isTrue();
        assertThat(shipments.save(first, null)).as("create only once").isFalse();
        Shipment next = shipment("O-1", ShipmentStatus.DELIVERED, T0.plusSeconds(60));
        assertThat(shipments.save(next, "someone-else's-key")).isFalse();
        assertThat(shipments.save(next, first.lastEventKey())).isTrue();
        assertThat(shipments.find("O-1")).hasValue(next);
    }

    @Test
    void stalledQueryPagesThroughTheSparseIndexAndSkipsRecentAndFinishedShipments() {
        // 130 old in-transit shipments all land in one shard or another; page size is 100 per shard query.
        for (int i = 0; i < 130; i++) {
            shipments.save(shipment("OLD-" + i, ShipmentStatus.IN_TRANSIT, T0), null);
        }
        shipments.save(shipment("NEW-1", ShipmentStatus.IN_TRANSIT, T0.plus(Duration.ofHours(30))), null);
        shipments.save(shipment("DONE-1", ShipmentStatus.DELIVERED, T0), null);
        shipments.save(shipment("EXC-1", ShipmentStatus.EXCEPTION, T0), null);

        Instant cutoff = T0.plus(Duration.ofHours(1));
        long found = 0;
        for (int shard = 0; shard < 8; shard++) {
            found += shipments.stalledBefore(shard, cutoff, 500).size();
        }
        assertThat(found).isEqualTo(130);

        Shipment one = shipments.find("OLD-0").orElseThrow();
        assertThat(shipments.unwatch("OLD-0", one.lastEventKey())).isTrue();
        assertThat(shipments.stalledBefore(Shipment.shard("OLD-0", 8), cutoff, 500))
                .extracting(Shipment::orderId).doesNotContain("OLD-0");
    }

    @Test
    void singleShardWithMoreThanAPageIsReadCompletely() {
        DynamoShipmentStore oneShard = new DynamoShipmentStore(stack.dynamoDb(), stack.tableName("ShipmentsTable"), 1);
        for (int i = 0; i < 120; i++) {
            oneShard.save(shipment("P-" + i, ShipmentStatus.IN_TRANSIT, T0), null);
        }
        assertThat(oneShard.stalledBefore(0, T0.plusSeconds(1), 500)).hasSize(120);
    }

    @Test
    void caseIsCreatedOnceAndMovesOnlyFromTheStatusTheCallerSaw() {
        IncidentId id = new IncidentId("O-1", DelayReason.WEATHER, 0);
        CareCase c = new CareCase(id, "C-1", CaseStatus.NOTICE_PENDING, T0, "k1", 30, T0.plus(Duration.ofDays(2)),
                "SF", "SF1", List.of(new Offer(OfferType.COUPON, 1000, "coupon-1-day", false)), true, T0, null, null,
                null, null, null, List.of("x DETECTED"));
        assertThat(cases.create(c, T0.plusSeconds(300))).isTrue();
        assertThat(cases.create(c, T0.plusSeconds(300))).isFalse();
        assertThat(cases.find(id)).hasValue(c);

        assertThat(cases.pendingDue(true, T0.plusSeconds(299), 100)).isEmpty();
        assertThat(cases.pendingDue(true, T0.plusSeconds(300), 100)).extracting(CareCase::id).containsExactly(id);
        assertThat(cases.pendingDue(false, T0.plusSeconds(300), 100)).as("VIP partition only").isEmpty();

        assertThat(cases.markNotified(id, T0, Channel.SMS, "NOTICE_SENT SMS")).isTrue();
        assertThat(cases.markNotified(id, T0, Channel.SMS, "NOTICE_SENT SMS")).isFalse();
        assertThat(cases.pendingDue(true, T0.plus(Duration.ofDays(9)), 100)).isEmpty();

        assertThat(cases.startRecovery(id, RecoveryKind.DELIVERED, null, T0, T0.plusSeconds(300))).isTrue();
        assertThat(cases.transition(id, CaseStatus.RECOVERY_PENDING, CaseStatus.RECOVERED, T0, "RECOVERY_SENT")).isTrue();
        CareCase done = cases.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(CaseStatus.RECOVERED);
        assertThat(done.recoveryKind()).isEqualTo(RecoveryKind.DELIVERED);
        assertThat(done.closedAt()).isEqualTo(T0);
        assertThat(done.actions()).hasSize(4);
        assertThat(cases.forOrder("O-1")).containsExactly(done);
    }

    @Test
    void deferMovesTheCaseInThePendingIndex() {
        IncidentId id = new IncidentId("O-2", DelayReason.STALLED, 1);
        CareCase c = new CareCase(id, "C-1", CaseStatus.NOTICE_PENDING, T0, "k", 0, null, null, null, List.of(), false,
                T0, null, null, null, null, null, List.of());
        cases.create(c, T0.plusSeconds(300));
        Instant morning = Instant.parse("2026-11-29T00:00:00Z");
        assertThat(cases.defer(id, CaseStatus.NOTICE_PENDING, morning, "QUIET_HOURS", T0)).isTrue();
        assertThat(cases.pendingDue(false, T0.plusSeconds(300), 100)).isEmpty();
        assertThat(cases.pendingDue(false, morning, 100)).singleElement().satisfies(p -> {
            assertThat(p.dueAt()).isEqualTo(morning);
            assertThat(p.deferredReason()).isEqualTo("QUIET_HOURS");
        });
    }

    @Test
    void capAllowsOneMessagePerWindowAndTheSameKeyMayClaimAgain() {
        Duration day = Duration.ofHours(24);
        assertThat(cap.claim("C-1", "care-notice:A", T0, day)).isEqualTo(new CustomerCap.Claim(true, T0));
        assertThat(cap.claim("C-1", "care-notice:A", T0.plusSeconds(60), day).granted()).as("retry of the same notice").isTrue();
        assertThat(cap.claim("C-1", "care-notice:B", T0.plusSeconds(60), day)).isEqualTo(new CustomerCap.Claim(false, T0));
        assertThat(cap.claim("C-2", "care-notice:C", T0, day).granted()).as("another customer").isTrue();
        assertThat(cap.claim("C-1", "care-notice:B", T0.plus(day), day).granted()).isTrue();
    }
}

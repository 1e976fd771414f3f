package io.kefu.shared.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.local.stack.ManualClock;
import io.kefu.shared.runtime.EventLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The effects piece on its own: batches, leases, payload hashes and resumable steps, no server. */
class EffectsTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T02:00:00Z"));
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final EventLog log = new EventLog("test", clock, new PrintStream(logged, true, StandardCharsets.UTF_8));

    @Test
    void aFailingItemIsLoggedAndTheOthersStillRun() {
        ScheduledBatch batch = new ScheduledBatch("sweep", Invocation.fresh(clock), 10, Duration.ofSeconds(5), clock, log);
        List<Integer> done = new ArrayList<>();
        batch.page(limit -> List.of(1, 2, 3), i -> "item-" + i, i -> {
            if (i == 1) {
                throw new IllegalStateException("unreadable channel");
            }
            done.add(i);
        });
        assertThat(done).containsExactly(2, 3);
        assertThat(batch.summary()).containsEntry("itemsDone", 2).containsEntry("itemsFailed", 1);
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("\"event\":\"sweep.item_failed\"", "\"item\":\"item-1\"",
                "unreadable channel");
    }

    @Test
    void thePageLimitIsPassedToTheQueryAndAFullPageIsCounted() {
        ScheduledBatch batch = new ScheduledBatch("sweep", Invocation.fresh(clock), 3, Duration.ofSeconds(5), clock, log);
        int[] asked = new int[1];
        batch.page(limit -> {
            asked[0] = limit;
            return List.of(1, 2, 3);
        }, String::valueOf, i -> { });
        assertThat(asked[0]).isEqualTo(3);
        assertThat(batch.summary()).containsEntry("pagesAtLimit", 1);
    }

    @Test
    void noNewItemStartsOnceTheTimeBudgetIsSpent() {
        Invocation invocation = Invocation.remaining(clock, 20_000);
        ScheduledBatch batch = new ScheduledBatch("sweep", invocation, 100, Duration.ofSeconds(5), clock, log);
        List<Integer> done = new ArrayList<>();
        boolean more = batch.page(limit -> IntStream.range(0, 10).boxed().toList(), String::valueOf, i -> {
            done.add(i);
            clock.advance(Duration.ofSeconds(4)); // each item takes 4 s
        });
        assertThat(more).isFalse();
        assertThat(done).containsExactly(0, 1, 2, 3); // 16 s used: less than the 5 s reserve left
        assertThat(batch.summary()).containsEntry("outOfTime", true);
        assertThat(batch.page(limit -> List.of(99), String::valueOf, done::add)).isFalse();
        assertThat(done).doesNotContain(99);
    }

    @Test
    void aLeaseEndsWithItsInvocationAndIsHandedBackWhenTheWorkThrows() {
        Invocation invocation = Invocation.remaining(clock, 30_000);
        Lease lease = invocation.lease(clock.instant());
        assertThat(lease.until()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(lease.expiredAt(clock.instant().plusSeconds(31))).isTrue();
        assertThat(Invocation.remaining(clock, 0).lease(clock.instant()).until()).isEqualTo(clock.instant());

        List<String> events = new ArrayList<>();
        assertThat(lease.run(l -> false, () -> events.add("work"), l -> events.add("handBack"))).isFalse();
        assertThat(lease.run(l -> true, () -> events.add("work"), l -> events.add("handBack"))).isTrue();
        assertThatThrownBy(() -> lease.run(l -> true, () -> {
            throw new IllegalStateException("send failed");
        }, l -> events.add("handBack"))).hasMessage("send failed");
        assertThat(events).containsExactly("work", "handBack");
    }

    @Test
    void thePayloadHashIgnoresKeyOrderAndTellsOtherContentApart() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("orderId", "O-1");
        a.put("status", "LOST");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", "LOST");
        b.put("orderId", "O-1");
        assertThat(PayloadHash.of(a)).isEqualTo(PayloadHash.of(b)).hasSize(64);
        assertThat(Repeat.of(PayloadHash.of(a), PayloadHash.of(b))).isEqualTo(Repeat.SAME);
        assertThat(Repeat.of(PayloadHash.of(a), PayloadHash.of(Map.of("orderId", "O-1", "status", "DELIVERED"))))
                .isEqualTo(Repeat.CONFLICT);
        assertThat(Repeat.of(null, PayloadHash.of(a))).as("stored before hashes were kept").isEqualTo(Repeat.SAME);
    }

    @Test
    void stepsFoundDoneAreSkippedSoARerunFinishesOnlyWhatIsLeft() {
        List<String> ran = new ArrayList<>();
        boolean[] putDone = {true};
        List<String> didNow = Steps.first("put", () -> putDone[0], () -> ran.add("put"))
                .then("unlink", () -> false, () -> ran.add("unlink"))
                .run();
        assertThat(didNow).containsExactly("unlink");
        assertThat(ran).containsExactly("unlink");
    }
}

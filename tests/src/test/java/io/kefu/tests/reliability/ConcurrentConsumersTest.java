package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Two local runtimes (two warm "containers" of every function, as Lambda scales out) consume the same queues
 * and fire the same schedules at the same time; producers send every event and request twice so both see the
 * same logical input at once. The end state must equal a single clean consumer's.
 */
class ConcurrentConsumersTest {
    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(31), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofMinutes(1));

    @Test
    void twoRuntimesOnTheSameQueuesAndSchedulesCauseNoDoubleEffects() {
        Flow flow = new Flow("cc", 12, 12);
        GoodMessages good = new GoodMessages("cc");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LogCapture logs = LogCapture.keeping(); Rig clean = Rig.fresh().build(); Rig a = Rig.fresh().build();
             Rig b = Rig.on(a.stack).build()) {
            flow.run(clean, Flow.CLEAN);

            List<String> chats = new ArrayList<>(good.transcripts(12));
            chats.addAll(good.transcripts(12));
            a.sendAll("TranscriptsQueue", chats);
            both(pool, a::drain, b::drain);
            for (List<String> wave : good.shipmentWaves(12)) {
                List<String> twice = new ArrayList<>(wave);
                twice.addAll(wave);
                a.sendAll("ShipmentEventsQueue", twice);
                both(pool, a::drain, b::drain);
            }
            List<String> requests = new ArrayList<>(good.surveyRequests(12));
            requests.addAll(good.surveyRequests(12));
            a.sendAll("SurveyRequestsQueue", requests);
            both(pool, a::drain, b::drain);
            for (Duration step : STEPS) {
                both(pool, () -> a.runtime.advanceClock(step), () -> b.runtime.advanceClock(step));
            }
            both(pool, a::drain, b::drain);
            a.effects.collect();
            List<String> tokens = a.effects.surveyTokens();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                answers.add(GoodMessages.surveyResponse(tokens.get(i), i));
            }
            a.sendAll("SurveyResponsesQueue", answers);
            both(pool, a::drain, b::drain);

            var expected = clean.effects.distinctEffects();
            var actual = a.effects.distinctEffects();
            // Distinct effects: a same-key resend would be deduped by the gateway (docs/events.md), so it is counted
            // apart as resentSameKey. Care claims a send lease before sending (docs/care-policy.md), so two consumers
            // on the same incident at once must not even resend: no care key may repeat.
            int duplicated = Effects.extra(actual, expected);
            List<String> differences = Effects.differences(clean.effects.normalisedState(), a.effects.normalisedState());
            int invocationsA = a.runtime.stats("ScoreTranscriptFunction").invocations()
                    + a.runtime.stats("HandleShipmentEventFunction").invocations()
                    + a.runtime.stats("ScheduleSurveyFunction").invocations()
                    + a.runtime.stats("RecordSurveyResponseFunction").invocations();
            int invocationsB = b.runtime.stats("ScoreTranscriptFunction").invocations()
                    + b.runtime.stats("HandleShipmentEventFunction").invocations()
                    + b.runtime.stats("ScheduleSurveyFunction").invocations()
                    + b.runtime.stats("RecordSurveyResponseFunction").invocations();
            logs.console().printf("RELIABILITY concurrency runtimes=2 messages=%d batchesA=%d batchesB=%d effects[%s]"
                            + " duplicated=%d resentSameKey=%d differencesFromCleanRun=%d%n",
                    2 * (12 + good.shipmentEvents(12).size() + 12) + answers.size(), invocationsA, invocationsB,
                    Effects.summary(actual), duplicated, a.effects.repeatedKeys(), differences.size());
            logs.console().println("RELIABILITY concurrency resentSameKey: " + a.effects.repeatedKeyList());
            assertThat(invocationsA).isPositive();
            assertThat(invocationsB).isPositive();
            assertThat(differences).isEmpty();
            assertThat(duplicated).isZero();
            assertThat(a.effects.repeatedKeyList()).as("care messages sent twice with the same key")
                    .doesNotContain("care-");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void both(ExecutorService pool, Runnable first, Runnable second) {
        CompletableFuture.allOf(CompletableFuture.runAsync(first, pool), CompletableFuture.runAsync(second, pool)).join();
    }
}

package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.junit.jupiter.api.Test;

/**
 * Replays a mix of closed chats, shipment events, survey requests and survey answers through the local stack and runtime
 * (the real handlers, ElasticMQ, dynalite) and reports the throughput and where the time goes: in the handlers
 * (split into DynamoDB calls, their own SQS sends and the rest) or in the event-source mapping's SQS receive /
 * delete. Default 600 events for the build (about 30 s on 2 cores); {@code -Dkefu.load.events=20000} for the full run.
 */
class LoadReplayTest {
    private static final int EVENTS = Integer.getInteger("kefu.load.events", 600);
    private static final List<String> CONSUMERS = List.of("ScoreTranscriptFunction", "HandleShipmentEventFunction",
            "ScheduleSurveyFunction", "RecordSurveyResponseFunction");

    @Test
    void replayOfMixedEventsIsProcessedWithoutLossAndReportsThroughputAndItsBound() {
        Map<String, LongAdder> handlerNanos = new ConcurrentHashMap<>();
        GoodMessages good = new GoodMessages("ld");
        int transcripts = EVENTS * 20 / 100;
        int shipmentTarget = EVENTS * 45 / 100;
        int requests = EVENTS * 20 / 100;
        List<String> shipments = new ArrayList<>();
        int orders = 0;
        while (shipments.size() < shipmentTarget) {
            shipments.addAll(good.shipmentJourney(orders++));
        }
        try (LogCapture logs = LogCapture.discarding();
             Rig rig = Rig.fresh().decorate((id, handler) -> timed(id, handler, handlerNanos)).build()) {
            List<String> surveyRequests = good.surveyRequests(requests);
            List<String> chats = good.transcripts(transcripts);
            rig.sendAll("TranscriptsQueue", chats);
            rig.sendAll("ShipmentEventsQueue", shipments);
            rig.sendAll("SurveyRequestsQueue", surveyRequests);
            int firstPhase = chats.size() + shipments.size() + surveyRequests.size();
            int answersTarget = EVENTS - firstPhase;

            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("replay " + EVENTS).setInitialMax(EVENTS)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(3000)
                    .setConsumer(new DelegatingProgressBarConsumer(logs.console()::println)).build()) {
                SdkCallTimer.reset();
                SdkCallTimer.enabled = true;
                long phase1 = timedDrain(rig, bar, 0, firstPhase);

                SdkCallTimer.enabled = false;
                long dispatchStart = System.nanoTime();
                List<String> tokens = rig.sendDueSurveysAndCollectTokens();
                long dispatchNanos = System.nanoTime() - dispatchStart;
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < Math.min(answersTarget, tokens.size()); i++) {
                    answers.add(GoodMessages.surveyResponse(tokens.get(i), i));
                }
                rig.sendAll("SurveyResponsesQueue", answers);
                SdkCallTimer.enabled = true;
                long phase2 = timedDrain(rig, bar, firstPhase, EVENTS);
                SdkCallTimer.enabled = false;
                bar.stepTo(firstPhase + answers.size());

                int events = firstPhase + answers.size();
                int processed = CONSUMERS.stream().mapToInt(f -> rig.runtime.stats(f).messagesDeleted()).sum();
                double seconds = (phase1 + phase2) / 1e9;
                Map<String, long[]> calls = SdkCallTimer.snapshot();
                long handler = handlerNanos.values().stream().mapToLong(LongAdder::sum).sum();
                long dynamo = sum(calls, "DynamoDb.");
                long sqsSend = sum(calls, "Sqs.SendMessage");
                long eventSource = sum(calls, "Sqs.ReceiveMessage") + sum(calls, "Sqs.DeleteMessageBatch")
                        + sum(calls, "Sqs.ChangeMessageVisibilityBatch") + sum(calls, "Sqs.GetQueueAttributes");
                long handlerRest = handler - dynamo - sqsSend;
                long total = phase1 + phase2;
                Map<String, Long> parts = Map.of("DynamoDB calls", dynamo, "handler SQS sends", sqsSend,
                        "handler CPU (JSON, rules)", handlerRest, "SQS receive/delete (event source)", eventSource);
                String bound = parts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                long dynamoCalls = count(calls, "DynamoDb.");

                rig.effects.collect();
                int parked = rig.effects.messages("TranscriptsDlq").size() + rig.effects.messages("ShipmentEventsDlq").size()
                        + rig.effects.messages("SurveyRequestsDlq").size() + rig.effects.messages("SurveyResponsesDlq").size();
                logs.console().printf("RELIABILITY load events=%d (transcripts=%d shipments=%d requests=%d answers=%d) messagesProcessed=%d"
                                + " seconds=%.1f eventsPerSecond=%.0f parked=%d | time: handlers=%.0f%% [dynamodb=%.0f%%"
                                + " (%d calls, %.2f ms/call) sqsSend=%.0f%% cpu=%.0f%%] eventSource=%.0f%% dispatchPhase=%.1fs"
                                + " | bound=%s%n",
                        events, chats.size(), shipments.size(), surveyRequests.size(), answers.size(), processed, seconds,
                        events / seconds, parked, pct(handler, total), pct(dynamo, total), dynamoCalls,
                        dynamoCalls == 0 ? 0 : dynamo / 1e6 / dynamoCalls, pct(sqsSend, total), pct(handlerRest, total),
                        pct(eventSource, total), dispatchNanos / 1e9, bound);
                assertThat(events).isGreaterThanOrEqualTo(EVENTS * 95 / 100);
                assertThat(parked).isZero();
                assertThat(processed).isGreaterThanOrEqualTo(events);
                assertThat(rig.effects.itemCounts().get("ShipmentsTable")).isEqualTo(orders);
                assertThat(rig.effects.itemCounts().get("QaScoresTable")).isGreaterThanOrEqualTo(chats.size());
            }
        }
    }

    /** Drains on another thread while the bar follows the runtime's count of handled messages. @return nanos */
    private static long timedDrain(Rig rig, ProgressBar bar, int offset, int upTo) {
        int before = CONSUMERS.stream().mapToInt(f -> rig.runtime.stats(f).messagesDeleted()).sum();
        long start = System.nanoTime();
        CompletableFuture<Void> drain = CompletableFuture.runAsync(() -> rig.runtime.drain(Duration.ofMinutes(30)));
        while (!drain.isDone()) {
            int done = CONSUMERS.stream().mapToInt(f -> rig.runtime.stats(f).messagesDeleted()).sum() - before;
            bar.stepTo(Math.min(upTo, offset + done));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        drain.join();
        return System.nanoTime() - start;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object timed(String id, Object handler, Map<String, LongAdder> nanos) {
        RequestHandler delegate = (RequestHandler) handler;
        LongAdder total = nanos.computeIfAbsent(id, k -> new LongAdder());
        return (RequestHandler<Object, Object>) (Object event, Context context) -> {
            long start = System.nanoTime();
            try {
                return delegate.handleRequest(event, context);
            } finally {
                if (SdkCallTimer.enabled) {
                    total.add(System.nanoTime() - start);
                }
            }
        };
    }

    private static long sum(Map<String, long[]> calls, String prefix) {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue()[0]).sum();
    }

    private static long count(Map<String, long[]> calls, String prefix) {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue()[1]).sum();
    }

    private static double pct(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }
}

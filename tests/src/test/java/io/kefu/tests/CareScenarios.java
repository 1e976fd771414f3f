package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.local.stack.RepoRoot;
import io.kefu.tests.support.ScenarioBackend;
import io.kefu.tests.support.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Proactive care through the real queues: shipment events go onto ShipmentEventsQueue, the local runtime
 * delivers them to HandleShipmentEventFunction with Lambda's SQS semantics, the sweep fires on the clock.
 */
abstract class CareScenarios implements ScenarioBackend {

    private static String event(String name) {
        try {
            return Files.readString(RepoRoot.find().resolve("events/shipments").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalLambdaRuntime runtime(LocalAwsStack stack, String start) {
        return LocalLambdaRuntime.builder(stack).clock(ManualClock.at(Instant.parse(start)))
                .functions("HandleShipmentEventFunction", "SweepStalledShipmentsFunction").build();
    }

    private static void send(LocalAwsStack stack, String body) {
        stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl("ShipmentEventsQueue")).messageBody(body));
    }

    private static List<String> outboundKinds(LocalAwsStack stack) {
        List<String> kinds = new ArrayList<>();
        String url = stack.queueUrl("OutboundMessagesQueue");
        while (true) {
            List<Message> page = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")).messages();
            if (page.isEmpty()) {
                return kinds;
            }
            for (Message m : page) {
                String key = m.messageAttributes().get("messageKey").stringValue();
                kinds.add(key);
                stack.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @Test
    void weatherExceptionSentThreeTimesGivesOneNoticeAndTheNextScanOneRecoveryNote() {
        LocalAwsStack stack = stack(Templates.main());
        try (LocalLambdaRuntime runtime = runtime(stack, "2026-11-28T02:00:00Z")) {
            for (int i = 0; i < 3; i++) {
                send(stack, event("weather-exception.json"));
            }
            runtime.drain(Duration.ofSeconds(60));
            assertThat(outboundKinds(stack)).containsExactly("care-notice:O-1001:WEATHER:0");

            runtime.clock().advance(Duration.ofHours(3));
            send(stack, event("in-transit-again.json"));
            runtime.drain(Duration.ofSeconds(60));
            assertThat(outboundKinds(stack)).containsExactly("care-recovery:O-1001:WEATHER:0");
            assertThat(runtime.stats("HandleShipmentEventFunction").messagesFailed()).isZero();
        }
    }

    @Test
    void stalledShipmentIsNotifiedByTheScheduledSweepWhenTheClockPassesTheStallHours() {
        LocalAwsStack stack = stack(Templates.main());
        try (LocalLambdaRuntime runtime = runtime(stack, "2026-11-27T01:05:00Z")) {
            send(stack, event("in-transit-quiet.json"));
            runtime.drain(Duration.ofSeconds(60));

            runtime.advanceClock(Duration.ofHours(35)); // sweep runs: nothing stalled yet
            assertThat(outboundKinds(stack)).isEmpty();
            List<String> fired = runtime.advanceClock(Duration.ofHours(1).plusMinutes(5)); // 21:10 in Shanghai
            assertThat(fired).anyMatch(f -> f.startsWith("SweepStalledShipmentsFunction"));
            assertThat(outboundKinds(stack)).containsExactly("care-notice:O-4004:STALLED:0");
        }
    }

    @Test
    void badShipmentEventIsParkedAndTheGoodOneInTheSameBatchIsHandled() {
        LocalAwsStack stack = stack(Templates.main());
        try (LocalLambdaRuntime runtime = runtime(stack, "2026-11-28T02:00:00Z")) {
            send(stack, event("invalid-unknown-status.json"));
            send(stack, event("weather-exception.json"));
            runtime.drain(Duration.ofSeconds(60));

            assertThat(outboundKinds(stack)).containsExactly("care-notice:O-1001:WEATHER:0");
            List<Message> parked = stack.sqs().receiveMessage(b -> b.queueUrl(stack.queueUrl("ShipmentEventsDlq"))
                    .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages();
            assertThat(parked).singleElement().satisfies(m ->
                    assertThat(m.messageAttributes().get("kefu.error.field").stringValue()).isEqualTo("status"));
        }
    }
}

package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.FaultInjectingProxy;
import io.kefu.local.stack.FaultInjectingProxy.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DynamoDB (or SQS, for the functions' own sends) throttles or is down for a while, then comes back: the SDK's
 * retries and SQS redelivery carry every message through; none is lost or parked, none is processed twice.
 */
class DependencyFaultTest {

    @ParameterizedTest(name = "{0} {1} for {2} ms")
    @CsvSource({
            "DynamoDB, THROTTLE, 2000",
            "DynamoDB, UNAVAILABLE, 2000",
            "SQS, UNAVAILABLE, 2000",
    })
    void messagesAreRetriedThroughAnOutageAndNoneIsLostWhenItHeals(String service, Fault fault, long outageMs)
            throws Exception {
        GoodMessages good = new GoodMessages("df");
        try (LogCapture logs = LogCapture.keeping();
             Rig base = Rig.fresh().build();
             FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(
                     service.equals("SQS") ? base.stack.sqsEndpoint() : base.stack.dynamoDbEndpoint())) {
            base.close();
            Rig.Builder builder = Rig.fresh().failedVisibility(Duration.ofSeconds(1));
            builder = service.equals("SQS") ? builder.functionSqsEndpoint(proxy.endpoint())
                    : builder.functionDynamoDbEndpoint(proxy.endpoint());
            try (Rig rig = builder.build()) {
                List<String> ids = new ArrayList<>();
                ids.addAll(rig.sendAll("ShipmentEventsQueue", good.shipmentWaves(20).get(0)));
                ids.addAll(rig.sendAll("SurveyRequestsQueue", good.surveyRequests(20)));

                proxy.failAll(fault);
                long start = System.nanoTime();
                ScheduledExecutorService healer = Executors.newSingleThreadScheduledExecutor();
                healer.schedule(proxy::heal, outageMs, TimeUnit.MILLISECONDS);
                rig.drain();
                healer.shutdown();
                long seconds = (System.nanoTime() - start) / 1_000_000;
                rig.effects.collect();

                Map<String, Long> processed = logs.events("message.processed").stream()
                        .map(e -> e.path("messageId").asText())
                        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
                long failedAttempts = logs.events("message.failed").size();
                long once = ids.stream().filter(id -> processed.getOrDefault(id, 0L) == 1).count();
                int parked = rig.effects.messages("ShipmentEventsDlq").size() + rig.effects.messages("SurveyRequestsDlq").size();
                long lost = ids.size() - once;
                logs.console().printf("RELIABILITY fault service=%s fault=%s outageMs=%d sent=%d injected=%d"
                                + " failedAttempts=%d processed=%d parked=%d lost=%d drainMs=%d%n",
                        service, fault, outageMs, ids.size(), proxy.injectedFaults(), failedAttempts, once, parked,
                        lost, seconds);
                assertThat(proxy.injectedFaults()).as("faults were injected").isPositive();
                assertThat(parked).isZero();
                assertThat(lost).isZero();
                assertThat(rig.effects.itemCounts().get("SurveysTable")).isPositive();
            }
        }
    }
}

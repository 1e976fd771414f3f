package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.FaultInjectingProxy;
import io.kefu.local.stack.FaultInjectingProxy.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A function dies part way through a message (between one side effect and the next): the chosen AWS call
 * fails at once as if the process had stopped there, the message is retried, and the end state (table items
 * minus timestamps, messages on the queues) must equal a clean run of the same input on another stage.
 */
class CrashWindowTest {
    private static final Flow FLOW = new Flow("cw", 4, 6);
    private static LogCapture logs;
    private static Rig clean;
    private static Map<String, List<String>> cleanState;

    @BeforeAll
    static void cleanRun() {
        logs = LogCapture.discarding();
        clean = Rig.fresh().build();
        FLOW.run(clean, Flow.CLEAN);
        cleanState = clean.effects.normalisedState();
    }

    @AfterAll
    static void close() {
        clean.close();
        logs.close();
    }

    /** function, AWS operation, how many of its calls succeed before the one that "crashes". */
    @ParameterizedTest(name = "{0} dies at {1} call #{2}")
    @CsvSource({
            // scoring: rule-index items written, score not yet put / score put, follow-up or survey request not yet sent
            "ScoreTranscriptFunction, PutItem, 1",
            "ScoreTranscriptFunction, SendMessage, 0",
            // care: case written, notice not yet sent / notice sent, case not yet marked / approval not yet sent
            "HandleShipmentEventFunction, SendMessage, 0",
            // care, UpdateItem #2 / #3: the cap claim, the send lease or the NOTIFIED mark (notice sent, case not yet
            // marked) depending on batch order; a failed call hands the send lease back, so the retry finishes at once
            "HandleShipmentEventFunction, UpdateItem, 1",
            "HandleShipmentEventFunction, UpdateItem, 2",
            "HandleShipmentEventFunction, PutItem, 1",
            // survey scheduling: dies on its first write
            "ScheduleSurveyFunction, PutItem, 0",
            // dispatch: claimed SENDING, message not sent / message sent, not marked SENT
            "DispatchDueSurveysFunction, SendMessage, 0",
            "DispatchDueSurveysFunction, UpdateItem, 2",
            // answer: ANSWERED, not yet counted / counted, follow-up not yet published / published, not AGGREGATED
            "RecordSurveyResponseFunction, UpdateItem, 1",
            "RecordSurveyResponseFunction, SendMessage, 0",
    })
    void endStateAfterACrashAndRetryEqualsACleanRun(String function, String operation, int skip) {
        try (Rig probe = Rig.fresh().build();
             FaultInjectingProxy sqs = FaultInjectingProxy.inFrontOf(probe.stack.sqsEndpoint());
             FaultInjectingProxy dynamo = FaultInjectingProxy.inFrontOf(probe.stack.dynamoDbEndpoint())) {
            probe.close(); // only for its stack's endpoints
            (operation.equals("SendMessage") ? sqs : dynamo).fail(operation, Fault.CRASH, skip, 1);
            try (Rig crashing = Rig.fresh().functionEndpoints(function, sqs.endpoint(), dynamo.endpoint()).build()) {
                FLOW.run(crashing, Flow.CLEAN);
                long injected = sqs.injectedFaults() + dynamo.injectedFaults();
                var stats = crashing.runtime.stats(function);
                List<String> differences = Effects.differences(cleanState, crashing.effects.normalisedState());
                logs.console().printf("RELIABILITY crash function=%s point=%s#%d injected=%d failedDeliveries=%d"
                                + " errors=%d differencesFromCleanRun=%d resentSameKey=%d%n",
                        function, operation, skip + 1, injected, stats.messagesFailed(), stats.errors(),
                        differences.size(), crashing.effects.repeatedKeys());
                assertThat(injected).as("the crash point was reached").isEqualTo(1);
                assertThat(differences).isEmpty();
            }
        }
    }
}

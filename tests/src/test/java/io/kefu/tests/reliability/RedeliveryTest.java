package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SQS delivers at least once: a message can come back after its visibility timeout even though the function
 * handled it, and producers resend. Every message delivered three times must leave the same effects as once.
 */
class RedeliveryTest {

    @Test
    void everyMessageDeliveredThreeTimesLeavesTheSameEffectsAsOnce() {
        Flow flow = new Flow("rd", 12, 12);
        try (LogCapture logs = LogCapture.keeping(); Rig clean = Rig.fresh().build(); Rig tripled = Rig.fresh().build()) {
            flow.run(clean, Flow.CLEAN);
            int answers = flow.run(tripled, (rig, queue) -> {
                rig.redeliver(queue, 3);
                rig.drain();
            });
            Map<String, Integer> once = clean.effects.distinctEffects();
            Map<String, Integer> thrice = tripled.effects.distinctEffects();
            int duplicated = Effects.extra(thrice, once) + tripled.effects.repeatedKeys();
            logs.console().printf("RELIABILITY redelivery deliveries=3 messages=%d effects[%s] duplicated=%d"
                            + " repeatedKeys=%d stateEqualToCleanRun=%s%n",
                    flow.inputMessages(answers), Effects.summary(once), duplicated, tripled.effects.repeatedKeys(),
                    clean.effects.normalisedState().equals(tripled.effects.normalisedState()));
            assertThat(Effects.differences(clean.effects.normalisedState(), tripled.effects.normalisedState())).isEmpty();
            assertThat(thrice).isEqualTo(once);
            assertThat(duplicated).isZero();
        }
    }

    @Test
    void producersSendingEveryEventAndRequestThreeTimesCauseNoDuplicateEffects() {
        Flow flow = new Flow("rs", 12, 12);
        try (LogCapture logs = LogCapture.keeping(); Rig clean = Rig.fresh().build(); Rig resent = Rig.fresh().build()) {
            flow.run(clean, Flow.CLEAN);
            int answers = flow.run(resent, Flow.CLEAN, 3);
            Map<String, Integer> once = clean.effects.distinctEffects();
            Map<String, Integer> thrice = resent.effects.distinctEffects();
            int duplicated = Effects.extra(thrice, once) + resent.effects.repeatedKeys();
            logs.console().printf("RELIABILITY resend copies=3 messages=%d effects[%s] duplicated=%d repeatedKeys=%d%n",
                    flow.inputMessages(answers) * 3 - answers * 2, Effects.summary(once), duplicated,
                    resent.effects.repeatedKeys());
            assertThat(Effects.differences(clean.effects.normalisedState(), resent.effects.normalisedState())).isEmpty();
            assertThat(thrice).isEqualTo(once);
            assertThat(duplicated).isZero();
        }
    }
}

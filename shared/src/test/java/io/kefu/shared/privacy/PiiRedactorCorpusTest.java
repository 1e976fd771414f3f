package io.kefu.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recall and precision over the shared labelled corpus (320 samples, fixed seed). */
class PiiRedactorCorpusTest {

    @Test
    void everyPiiValueInTheCorpusDisappearsAndEveryNearMissSurvives() {
        List<String> leaked = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        for (PiiCorpus.Sample sample : PiiCorpus.generate()) {
            String redacted = PiiRedactor.redact(sample.text());
            for (String pii : sample.pii()) {
                if (redacted.contains(pii)) {
                    leaked.add(sample.kind() + ": " + sample.text());
                }
            }
            for (String keep : sample.keep()) {
                if (!redacted.contains(keep)) {
                    damaged.add(sample.kind() + ": " + sample.text() + " -> " + redacted);
                }
            }
        }
        assertThat(leaked).as("PII left in redacted text").isEmpty();
        assertThat(damaged).as("near-misses that were redacted").isEmpty();
    }
}

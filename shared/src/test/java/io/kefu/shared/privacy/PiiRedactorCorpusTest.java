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
        int piiValues = 0;
        int keepValues = 0;
        List<PiiCorpus.Sample> corpus = PiiCorpus.generate();
        for (PiiCorpus.Sample sample : corpus) {
            piiValues += sample.pii().size();
            keepValues += sample.keep().size();
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
        // Recall: share of PII values removed. Precision: of everything redacted (true PII removed plus
        // near-misses destroyed), the share that was PII.
        int removed = piiValues - leaked.size();
        double recall = (double) removed / piiValues;
        double precision = (double) removed / (removed + damaged.size());
        System.out.printf("PII corpus: samples=%d piiValues=%d nearMisses=%d recall=%.4f precision=%.4f leaked=%d damaged=%d%n",
                corpus.size(), piiValues, keepValues, recall, precision, leaked.size(), damaged.size());
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.99);
        assertThat(leaked).as("PII left in redacted text").isEmpty();
        assertThat(damaged).as("near-misses that were redacted").isEmpty();
    }
}

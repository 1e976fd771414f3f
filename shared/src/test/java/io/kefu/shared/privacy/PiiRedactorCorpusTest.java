package io.kefu.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision of the redactor. The published figure comes from the hand-written labelled corpus
 * ({@link PiiLabelledCorpus}: real-world spellings, split numbers, hard negatives); the generated corpus
 * ({@link PiiCorpus}, fixed seed) stays as a regression check of the plain shapes.
 */
class PiiRedactorCorpusTest {

    @Test
    void handWrittenCorpusHoldsRecallAndPrecision() {
        List<PiiLabelledCorpus.Sample> corpus = PiiLabelledCorpus.load();
        int values = 0;
        int negatives = 0;
        int matches = 0;
        int truePositives = 0;
        List<String> missed = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        for (PiiLabelledCorpus.Sample sample : corpus) {
            List<ChatLine> chat = sample.messages().stream().map(t -> new ChatLine("customer", t)).toList();
            List<List<PiiMatch>> found = PiiRedactor.findInChat(chat);
            values += sample.pii().size();
            negatives += sample.negatives().size();
            for (PiiLabelledCorpus.Value value : sample.pii()) {
                if (!value.parts().stream().allMatch(part -> covered(sample, part, found))) {
                    missed.add("line " + sample.line() + " " + value.kind() + ": " + sample.messages());
                }
            }
            for (PiiLabelledCorpus.Value negative : sample.negatives()) {
                PiiLabelledCorpus.Span span = negative.parts().get(0);
                if (touched(sample, span, found)) {
                    damaged.add("line " + sample.line() + " " + negative.kind() + ": " + sample.messages());
                }
            }
            for (int m = 0; m < found.size(); m++) {
                for (PiiMatch match : found.get(m)) {
                    matches++;
                    if (overlapsPii(sample, m, match)) {
                        truePositives++;
                    } else {
                        falsePositives.add("line " + sample.line() + " " + match.kind() + " '"
                                + sample.messages().get(m).substring(match.start(), match.end()) + "'");
                    }
                }
            }
        }
        double recall = (double) (values - missed.size()) / values;
        double precision = matches == 0 ? 0 : (double) truePositives / matches;
        System.out.printf("PII labelled corpus: samples=%d piiValues=%d hardNegatives=%d recall=%.4f precision=%.4f"
                        + " missed=%d falsePositives=%d negativesDamaged=%d%n",
                corpus.size(), values, negatives, recall, precision, missed.size(), falsePositives.size(), damaged.size());
        missed.forEach(m -> System.out.println("  missed " + m));
        falsePositives.forEach(f -> System.out.println("  false positive " + f));
        damaged.forEach(d -> System.out.println("  damaged " + d));
        assertThat(values).isGreaterThanOrEqualTo(170);
        assertThat(negatives).isGreaterThanOrEqualTo(140);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.99);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.98);
    }

    /** Every letter and digit of the labelled part is inside some match of its message. */
    private static boolean covered(PiiLabelledCorpus.Sample sample, PiiLabelledCorpus.Span part, List<List<PiiMatch>> found) {
        String text = sample.messages().get(part.message());
        for (int i = part.start(); i < part.end(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && !inside(found.get(part.message()), i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean touched(PiiLabelledCorpus.Sample sample, PiiLabelledCorpus.Span span, List<List<PiiMatch>> found) {
        String text = sample.messages().get(span.message());
        for (int i = span.start(); i < span.end(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && inside(found.get(span.message()), i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsPii(PiiLabelledCorpus.Sample sample, int message, PiiMatch match) {
        return sample.pii().stream().flatMap(v -> v.parts().stream())
                .anyMatch(p -> p.message() == message && p.start() < match.end() && match.start() < p.end());
    }

    private static boolean inside(List<PiiMatch> matches, int at) {
        return matches.stream().anyMatch(m -> m.start() <= at && at < m.end());
    }

    @Test
    void generatedCorpusOfPlainShapesLeaksNothingAndDamagesNothing() {
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
                    leaked.add(sample.kind() + ": " + sample.text() + " -> " + redacted);
                }
            }
            for (String keep : sample.keep()) {
                if (!redacted.contains(keep)) {
                    damaged.add(sample.kind() + ": " + sample.text() + " -> " + redacted);
                }
            }
        }
        int removed = piiValues - leaked.size();
        System.out.printf("PII generated corpus: samples=%d piiValues=%d nearMisses=%d recall=%.4f leaked=%d damaged=%d%n",
                corpus.size(), piiValues, keepValues, (double) removed / piiValues, leaked.size(), damaged.size());
        assertThat(leaked).as("PII left in redacted text").isEmpty();
        assertThat(damaged).as("near-misses that were redacted").isEmpty();
    }
}

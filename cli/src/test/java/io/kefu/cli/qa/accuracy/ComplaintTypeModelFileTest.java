package io.kefu.cli.qa.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.ComplaintFeatures;
import io.kefu.shared.domain.qa.ComplaintTypeModel;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.SentenceVectors;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped complaint-type model is what `kefu qa train --gold corpus/qa/dev` makes, byte for byte: nobody edits
 * weights by hand, and a label change in dev that is not retrained fails here. And the model holds on dev chats
 * it never saw (10-fold cross-validation), the honest dev figure now that dev trains it (docs/qa-accuracy.md).
 */
class ComplaintTypeModelFileTest {
    private static final List<GoldChat> DEV = GoldSet.load(Corpus.dir("dev"));
    /** The shipped sentence models, each dev message embedded once for all three tests (it is most of their time). */
    private static final SentenceVectors VECTORS = new ComplaintTypeTrainer.Remembered(SentenceVectors.installed());
    private static final ComplaintTypeTrainer.SentenceReading SHIPPED =
            new ComplaintTypeTrainer.SentenceReading(VECTORS, ComplaintTypeTrainer.DEFAULT_SENTENCE_WEIGHT);

    private static Path shippedFile() {
        Path root = Corpus.dir("dev").getParent().getParent().getParent();
        return root.resolve("shared/src/main/resources" + ComplaintTypeModel.RESOURCE);
    }

    @Test
    void theShippedModelIsWhatTrainingOnTheDevChatsGives() throws IOException {
        String trained = ComplaintTypeTrainer.file(
                ComplaintTypeTrainer.train(DEV, ComplaintTypeTrainer.DEFAULT_COST, SHIPPED));
        String shipped = Files.readString(shippedFile(), StandardCharsets.UTF_8);
        assertThat(trained.equals(shipped)).as("retrain: ./kefu qa train --gold corpus/qa/dev --out " + shippedFile())
                .isTrue();
        // and the file reads back as the same model
        assertThat(ComplaintTypeTrainer.file(ComplaintTypeModel.read(new StringReader(shipped)))).isEqualTo(shipped);
    }

    @Test
    void scoringByKeysGivesWhatTheSpelledTermsGiveOnEveryDevChat() {
        // the scorer walks the chat into primitive keys; training spells the terms: the two must agree
        ComplaintTypeModel model = new ComplaintTypeModel(ComplaintTypeModel.bundled().languages(), VECTORS);
        for (GoldChat chat : DEV) {
            var m = model.languages().get(chat.transcript().lang());
            double[] score = m.bias().clone();
            ComplaintFeatures.of(chat.transcript()).forEach((term, weight) -> {
                double[] w = m.terms().get(term);
                for (int j = 0; w != null && j < score.length; j++) {
                    score[j] += w[j] * weight;
                }
            });
            double[] x = ComplaintFeatures.sentences(chat.transcript(), VECTORS);
            for (int d = 0; d < x.length; d++) {
                for (int j = 0; j < score.length; j++) {
                    score[j] += m.sentences().weights()[d][j] * x[d];
                }
            }
            double sum = 0;
            int best = 0;
            for (int j = 0; j < score.length; j++) {
                sum += 1 / (1 + Math.exp(-score[j]));
                best = score[j] > score[best] ? j : best;
            }
            var p = model.predict(chat.transcript());
            assertThat(p.type()).as(chat.id()).isEqualTo(m.classes().get(best));
            assertThat(p.probability()).as(chat.id()).isCloseTo(1 / (1 + Math.exp(-score[best])) / sum, within(1e-9));
        }
    }

    @Test
    void onDevChatsItNeverSawTheScorerGetsMoreTypesRightThanTheLexicons() {
        var folds = ComplaintTypeTrainer.crossValidate(DEV, 10, ComplaintTypeTrainer.DEFAULT_COST,
                CompiledRulebook.compile(RulebookLoader.defaultRulebook()), SHIPPED);
        int chats = folds.stream().mapToInt(ComplaintTypeTrainer.Folds::chats).sum();
        int scorer = folds.stream().mapToInt(ComplaintTypeTrainer.Folds::scorer).sum();
        int lexicons = folds.stream().mapToInt(ComplaintTypeTrainer.Folds::lexicons).sum();
        assertThat(chats).isEqualTo(DEV.size());
        // measured 2252 of 2824 (79.7%) against the lexicons' 2003, which were tuned on most of these chats (tenth
        // session, once the model overrules the lists when 0.75 sure: 2211 before; 2186 before English topic words
        // stopped typing complaints in the ninth); 2091 of 2694 in the seventh, 2034 of 2624 in the sixth, 2004 before
        // the model read sentence vectors (2026-12-07, sixth session)
        assertThat((double) scorer / chats).as("cross-validated complaint type " + folds).isGreaterThanOrEqualTo(0.79);
        assertThat(scorer).isGreaterThan(lexicons);
    }
}

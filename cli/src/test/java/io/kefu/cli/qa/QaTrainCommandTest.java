package io.kefu.cli.qa;

import static io.kefu.cli.qa.QaEvalAndTryCommandTest.qa;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.qa.ComplaintTypeModel;
import io.kefu.shared.domain.qa.Lang;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `qa train`: writes a model the scorer reads, or measures one by folds; bad options are one-line errors. */
class QaTrainCommandTest {
    private static final Path TINY = QaEvalAndTryCommandTest.TINY;

    @Test
    void trainWritesAModelFileTheScorerReads(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("model.tsv");
        QaEvalAndTryCommandTest.Run run = qa("train", "--gold", TINY.toString(), "--out", out.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("wrote ", "model.tsv: 3 chats");
        String text = Files.readString(out);
        assertThat(text).startsWith("# kefu complaint-type model").contains("\nclasses\tZH\t", "\nclasses\tEN\t");
        ComplaintTypeModel model = ComplaintTypeModel.read(new StringReader(text));
        assertThat(model.covers(Lang.ZH)).isTrue();
        assertThat(model.covers(Lang.EN)).isTrue();
    }

    @Test
    void aSentenceWeightOfZeroWritesATermsOnlyModel(@TempDir Path dir) throws IOException {
        Path both = dir.resolve("both.tsv");
        Path terms = dir.resolve("terms.tsv");
        assertThat(qa("train", "--gold", TINY.toString(), "--out", both.toString()).exit()).isZero();
        assertThat(qa("train", "--gold", TINY.toString(), "--out", terms.toString(), "--sentence-weight", "0").exit())
                .isZero();
        assertThat(Files.readString(both)).contains("\nvectors\tZH\tall-minilm-l6-v2-q+bge-small-zh-v15-q\t1024\n");
        assertThat(Files.readString(terms)).doesNotContain("\nvectors\t", "\nvector\t").contains("\nterm\tZH\t");
        assertThat(ComplaintTypeModel.read(new StringReader(Files.readString(terms))).languages().get(Lang.ZH).sentences())
                .isNull();
        QaEvalAndTryCommandTest.Run negative = qa("train", "--gold", TINY.toString(), "--out", terms.toString(),
                "--sentence-weight", "-1");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--sentence-weight: 0 or more");
    }

    @Test
    void crossValidationPrintsEachLanguageBesideTheLexicons(@TempDir Path dir) throws IOException {
        Path predictions = dir.resolve("cv.tsv");
        QaEvalAndTryCommandTest.Run run = qa("train", "--gold", TINY.toString(), "--cv", "2", "--predictions",
                predictions.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("complaint type, 2-fold cross-validated on")
                .containsPattern("(?m)^lang\\s+chats\\s+model alone\\s+lexicons\\s+scorer$")
                .containsPattern("(?m)^zh\\s+2\\s+\\d \\(\\d+\\.\\d%\\)\\s+\\d \\(")
                .containsPattern("(?m)^en\\s+1\\s+0 \\(0\\.0%\\)"); // its one chat's fold had no English to learn from
        // one line per chat for gate-check.py: the English chat's fold had no model for it
        assertThat(Files.readAllLines(predictions)).hasSize(4).first().isEqualTo("id\ttype\tprobability");
        assertThat(Files.readAllLines(predictions)).contains("tiny-promise\t\t")
                .anyMatch(l -> l.matches("tiny-rude\t[A-Z_]+\t\\d\\.\\d{6}"));
    }

    @Test
    void oneOfOutOrCvIsRequired(@TempDir Path dir) {
        QaEvalAndTryCommandTest.Run neither = qa("train", "--gold", TINY.toString());
        QaEvalAndTryCommandTest.Run both = qa("train", "--gold", TINY.toString(), "--cv", "2", "--out", dir.resolve("m.tsv").toString());
        QaEvalAndTryCommandTest.Run oneFold = qa("train", "--gold", TINY.toString(), "--cv", "1");

        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("error: give one of --out FILE or --cv K");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(oneFold.exit()).isEqualTo(2);
        assertThat(oneFold.err()).contains("--cv: at least 2 folds");
        QaEvalAndTryCommandTest.Run predictionsAlone = qa("train", "--gold", TINY.toString(), "--out",
                dir.resolve("m.tsv").toString(), "--predictions", dir.resolve("p.tsv").toString());
        assertThat(predictionsAlone.exit()).isEqualTo(2);
        assertThat(predictionsAlone.err()).contains("--predictions: only with --cv");
        assertThat(qa("train", "--gold", TINY.toString(), "--cv", "2", "--json").err()).contains("error: --json:");
        assertThat(dir.resolve("m.tsv")).doesNotExist();
    }
}

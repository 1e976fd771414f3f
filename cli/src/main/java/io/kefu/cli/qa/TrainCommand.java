package io.kefu.cli.qa;

import io.kefu.cli.qa.accuracy.ComplaintTypeTrainer;
import io.kefu.cli.qa.accuracy.GoldChat;
import io.kefu.cli.qa.accuracy.GoldSet;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.ComplaintTypeModel;
import io.kefu.shared.domain.qa.SentenceVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `kefu qa train --gold DIR`: fit the complaint-type model to labelled chats and write it ({@code --out}), or
 * measure it first ({@code --cv K}): each chat's type from a model trained on the other folds, beside the
 * rulebook's lexicons alone and the scorer that uses both. See docs/qa-accuracy.md.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit the complaint-type model to labelled chats (<id>.json + <id>.gold.json): their terms and the "
                + "customer's sentence vectors. Write it (--out), or print its K-fold cross-validated accuracy beside "
                + "the lexicons alone (--cv K).")
final class TrainCommand extends GoldCommand {
    @Option(names = "--out", description = "Write the model here.")
    Path out;

    @Option(names = "--cv", description = "Print K-fold cross-validated accuracy instead of writing a model.")
    Integer folds;

    @Option(names = "--predictions", description = "With --cv: write each chat's fold prediction here (TSV: id, type, "
            + "probability), for corpus/qa/tools/gate-check.py.")
    Path predictions;

    @Option(names = "--cost", description = "LIBLINEAR's C: higher fits the chats closer (default ${DEFAULT-VALUE}).")
    double cost = ComplaintTypeTrainer.DEFAULT_COST;

    @Option(names = "--sentence-weight", description = "How much a sentence-vector dimension counts beside a term; "
            + "0: a model of terms only, no sentence model loaded (default ${DEFAULT-VALUE}).")
    double sentenceWeight = ComplaintTypeTrainer.DEFAULT_SENTENCE_WEIGHT;

    private ComplaintTypeTrainer.SentenceReading reading() {
        return sentenceWeight == 0 ? ComplaintTypeTrainer.SentenceReading.TERMS_ONLY
                : new ComplaintTypeTrainer.SentenceReading(SentenceVectors.installed(), sentenceWeight);
    }

    @Override
    int run() {
        if (json) {
            throw new IllegalArgumentException("--json: train prints a table; --predictions writes the per-chat calls");
        }
        if ((out == null) == (folds == null)) {
            throw new IllegalArgumentException("give one of --out FILE or --cv K");
        }
        if (folds != null && folds < 2) {
            throw new IllegalArgumentException("--cv: at least 2 folds");
        }
        if (predictions != null && folds == null) {
            throw new IllegalArgumentException("--predictions: only with --cv");
        }
        if (sentenceWeight < 0) {
            throw new IllegalArgumentException("--sentence-weight: 0 or more");
        }
        List<GoldChat> chats = GoldSet.load(gold);
        if (folds != null) {
            crossValidate(chats);
            return 0;
        }
        String text = ComplaintTypeTrainer.file(ComplaintTypeTrainer.train(chats, cost, reading()));
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("--out: cannot write " + out, e);
        }
        out().printf("wrote %s: %d chats%n", value(out.toString()), chats.size());
        return 0;
    }

    private void crossValidate(List<GoldChat> chats) {
        CompiledRulebook book = CompiledRulebook.compile(LocalScoring.rulebook(rulebook));
        out().printf("complaint type, %d-fold cross-validated on %s (C = %s)%n", folds, value(gold.toString()),
                cost);
        out().printf("%-6s %6s %14s %14s %14s%n", "lang", "chats", "model alone", "lexicons", "scorer");
        Map<String, ComplaintTypeModel.Prediction> byChat = new TreeMap<>();
        for (ComplaintTypeTrainer.Folds f : ComplaintTypeTrainer.crossValidate(chats, folds, cost, book,
                reading(), byChat)) {
            out().printf("%-6s %6d %14s %14s %14s%n", f.lang().name().toLowerCase(Locale.ROOT), f.chats(),
                    share(f.model(), f.chats()), share(f.lexicons(), f.chats()), share(f.scorer(), f.chats()));
        }
        out().println("(the lexicons were tuned on the dev chats: on them their figure is optimistic)");
        if (predictions != null) {
            StringBuilder tsv = new StringBuilder("id\ttype\tprobability\n");
            byChat.forEach((id, p) -> tsv.append(id).append('\t').append(p == null ? "" : p.type().name()).append('\t')
                    .append(p == null ? "" : String.format(Locale.ROOT, "%.6f", p.probability())).append('\n'));
            try {
                Files.writeString(predictions, tsv.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("--predictions: cannot write " + predictions, e);
            }
        }
    }

    private static String share(int agreed, int of) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", agreed, 100.0 * agreed / of);
    }
}

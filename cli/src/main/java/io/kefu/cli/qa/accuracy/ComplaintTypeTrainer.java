package io.kefu.cli.qa.accuracy;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.ComplaintFeatures;
import io.kefu.shared.domain.qa.ComplaintType;
import io.kefu.shared.domain.qa.ComplaintTypeModel;
import io.kefu.shared.domain.qa.Lang;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.SentenceVectors;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits {@link ComplaintTypeModel} to labelled chats with LIBLINEAR: L2-regularised logistic regression, one
 * model per label language, over the terms at least {@value #MIN_CHATS} chats use (a term one chat uses is that
 * chat, not a type) and the chat's sentence vector ({@link ComplaintFeatures#sentences}), standardised on the chats
 * and scaled by a weight ({@link SentenceReading}) so the many dimensions do not drown the terms. Deterministic:
 * LIBLINEAR's random order is reset first and terms are taken in order, so the same chats give the same file.
 */
public final class ComplaintTypeTrainer {
    public static final double DEFAULT_COST = 10;
    static final int MIN_CHATS = 2;
    /**
     * How much a standardised sentence-vector dimension counts beside a term: chosen on dev's 10 folds, the model
     * alone (0.02: en 862, zh 1161 of 1175 / 1449 right; 0.05: 854, 1159; 0, terms only: 802, 1147;
     * {@code qa train --cv 10 --sentence-weight W}, corpus/qa/tools/embedding-baseline/embedding-baseline.py --folds).
     */
    public static final double DEFAULT_SENTENCE_WEIGHT = 0.02;

    /**
     * How the model reads sentences: with which sentence models, at what weight beside a term. A weight of 0 is a
     * model of terms only (no sentence model is loaded, the file has no vectors block).
     */
    public record SentenceReading(SentenceVectors vectors, double weight) {
        public static final SentenceReading TERMS_ONLY = new SentenceReading(null, 0);

        /** The installed sentence models at the weight the shipped model is trained with. */
        public static SentenceReading shipped() {
            return new SentenceReading(SentenceVectors.installed(), DEFAULT_SENTENCE_WEIGHT);
        }

        boolean reads() {
            return vectors != null && weight > 0;
        }
    }

    /** The header of a written model: what made it, so the file says how to make it again. */
    static final String HEADER = "kefu complaint-type model: one-vs-rest logistic regression (LIBLINEAR, BSD-3-Clause)\n"
            + "made by: ./kefu qa train --gold corpus/qa/dev --out shared/src/main/resources/qa/complaint-type-model.tsv\n"
            + "do not edit: ComplaintTypeModelFileTest trains it again and compares";

    private ComplaintTypeTrainer() {}

    /** The model as the file the scorer reads ({@link ComplaintTypeModel#RESOURCE}). */
    public static String file(ComplaintTypeModel model) {
        StringWriter text = new StringWriter();
        try {
            model.write(text, HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static ComplaintTypeModel train(List<GoldChat> chats, double cost, SentenceReading reading) {
        return train(chats, cost, Features.of(chats, reading));
    }

    /**
     * Each chat's terms and sentence vector, read once (the folds train on them ten times), and the sentence models
     * the trained models score with: remembering each message's vector, so a chat a fold scores is not embedded again.
     */
    private record Features(Map<GoldChat, Map<String, Double>> terms, Map<GoldChat, double[]> sentences,
            SentenceVectors vectors, double weight) {
        static Features of(List<GoldChat> chats, SentenceReading reading) {
            SentenceVectors vectors = !reading.reads() ? null
                    : reading.vectors() instanceof Remembered remembered ? remembered : new Remembered(reading.vectors());
            Map<GoldChat, Map<String, Double>> terms = new IdentityHashMap<>();
            Map<GoldChat, double[]> sentences = new IdentityHashMap<>();
            for (GoldChat c : chats) {
                terms.put(c, ComplaintFeatures.of(c.transcript()));
                if (vectors != null) {
                    sentences.put(c, ComplaintFeatures.sentences(c.transcript(), vectors));
                }
            }
            return new Features(terms, sentences, vectors, reading.weight());
        }
    }

    /** The sentence models, each text embedded once (a test that trains, folds and scores dev shares one). */
    static final class Remembered implements SentenceVectors {
        private final SentenceVectors models;
        private final Map<String, float[]> seen = new HashMap<>();

        Remembered(SentenceVectors models) {
            this.models = models;
        }

        @Override
        public float[] of(String text, Lang lang) {
            return seen.computeIfAbsent(lang + "\n" + text, k -> models.of(text, lang));
        }

        @Override
        public int dimensions(Lang lang) {
            return models.dimensions(lang);
        }

        @Override
        public String id() {
            return models.id();
        }
    }

    private static ComplaintTypeModel train(List<GoldChat> chats, double cost, Features features) {
        Map<Lang, ComplaintTypeModel.LangModel> out = new EnumMap<>(Lang.class);
        byLanguage(chats).forEach((lang, some) -> out.put(lang, trainOne(some, cost, features)));
        return new ComplaintTypeModel(out, features.vectors());
    }

    private static ComplaintTypeModel.LangModel trainOne(List<GoldChat> chats, double cost, Features all) {
        List<Map<String, Double>> features = chats.stream().map(all.terms()::get).toList();
        double[][] sentences = all.vectors() == null ? null
                : chats.stream().map(all.sentences()::get).toArray(double[][]::new);
        Standardised standard = sentences == null ? Standardised.NONE : Standardised.of(sentences, all.weight());
        Map<String, Integer> used = new TreeMap<>();
        features.forEach(f -> f.keySet().forEach(t -> used.merge(t, 1, Integer::sum)));
        Map<String, Integer> index = new LinkedHashMap<>();
        used.forEach((term, n) -> {
            if (n >= MIN_CHATS) {
                index.put(term, index.size() + 1); // LIBLINEAR counts features from 1
            }
        });
        int dims = standard.mean().length;
        Problem problem = new Problem();
        problem.l = chats.size();
        problem.n = index.size() + dims + 1; // + the sentence vector + the bias feature
        problem.bias = 1;
        problem.x = new Feature[chats.size()][];
        problem.y = new double[chats.size()];
        for (int i = 0; i < chats.size(); i++) {
            List<Feature> row = new ArrayList<>();
            features.get(i).forEach((term, weight) -> {
                Integer j = index.get(term);
                if (j != null) {
                    row.add(new FeatureNode(j, weight));
                }
            });
            for (int d = 0; d < dims; d++) {
                row.add(new FeatureNode(index.size() + 1 + d, standard.at(sentences[i], d)));
            }
            row.add(new FeatureNode(problem.n, problem.bias));
            problem.x[i] = row.toArray(Feature[]::new);
            problem.y[i] = ComplaintType.valueOf(chats.get(i).gold().complaint().type()).ordinal();
        }
        Linear.disableDebugOutput();
        Linear.resetRandom();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, cost, 0.01));
        int[] labels = model.getLabels();
        List<ComplaintType> classes = new ArrayList<>();
        for (int label : labels) {
            classes.add(ComplaintType.values()[label]);
        }
        // the sentence weights, standardisation folded in: w·(x - mean)·SCALE/spread = (w·SCALE/spread)·x - its mean part
        double[][] vector = new double[dims][labels.length];
        double[] bias = new double[labels.length];
        for (int c = 0; c < labels.length; c++) {
            double b = model.getDecfunBias(c);
            for (int d = 0; d < dims; d++) {
                double w = model.getDecfunCoef(index.size() + 1 + d, c) * standard.weight() / standard.spread()[d];
                vector[d][c] = ComplaintTypeModel.asWritten(w);
                b -= w * standard.mean()[d];
            }
            bias[c] = ComplaintTypeModel.asWritten(b);
        }
        Map<String, double[]> terms = new LinkedHashMap<>();
        index.forEach((term, j) -> {
            double[] w = new double[labels.length];
            boolean any = false;
            for (int c = 0; c < labels.length; c++) {
                w[c] = ComplaintTypeModel.asWritten(model.getDecfunCoef(j, c));
                any |= w[c] != 0;
            }
            if (any) {
                terms.put(term, w);
            }
        });
        return new ComplaintTypeModel.LangModel(classes, bias, terms,
                sentences == null ? null : new ComplaintTypeModel.Sentences(all.vectors().id(), vector));
    }

    /** Each sentence-vector dimension's mean and spread over the training chats, and the weight beside a term. */
    private record Standardised(double[] mean, double[] spread, double weight) {
        static final Standardised NONE = new Standardised(new double[0], new double[0], 0);

        static Standardised of(double[][] x, double weight) {
            int dims = x.length == 0 ? 0 : x[0].length;
            double[] mean = new double[dims];
            double[] spread = new double[dims];
            for (double[] row : x) {
                for (int d = 0; d < dims; d++) {
                    mean[d] += row[d] / x.length;
                }
            }
            for (double[] row : x) {
                for (int d = 0; d < dims; d++) {
                    spread[d] += (row[d] - mean[d]) * (row[d] - mean[d]) / x.length;
                }
            }
            for (int d = 0; d < dims; d++) {
                spread[d] = Math.sqrt(spread[d]) + 1e-6;
            }
            return new Standardised(mean, spread, weight);
        }

        double at(double[] row, int d) {
            return weight * (row[d] - mean[d]) / spread[d];
        }
    }

    private static Map<Lang, List<GoldChat>> byLanguage(List<GoldChat> chats) {
        Map<Lang, List<GoldChat>> byLang = new EnumMap<>(Lang.class);
        chats.forEach(c -> byLang.computeIfAbsent(c.transcript().lang(), l -> new ArrayList<>()).add(c));
        return byLang;
    }

    /** One language's K-fold figures: chats whose gold type the model alone, the lexicons alone and the scorer gave. */
    public record Folds(Lang lang, int chats, int model, int lexicons, int scorer) {}

    /**
     * K folds in a fixed interleaving (chat i of a language is in fold i mod k): each chat's type from a model that
     * never saw it, beside the rulebook's lexicons alone and the scorer using both, as it would on a new chat.
     */
    public static List<Folds> crossValidate(List<GoldChat> chats, int k, double cost, CompiledRulebook book,
            SentenceReading reading) {
        return crossValidate(chats, k, cost, book, reading, new HashMap<>());
    }

    /** The same, each chat's fold prediction put in {@code predictions} by chat id (null: its fold had no such language). */
    public static List<Folds> crossValidate(List<GoldChat> chats, int k, double cost, CompiledRulebook book,
            SentenceReading reading, Map<String, ComplaintTypeModel.Prediction> predictions) {
        Scorer lexicons = new Scorer(book, CustomerPreferences.DEFAULT_ZONE, null);
        Features features = Features.of(chats, reading);
        List<Folds> out = new ArrayList<>();
        byLanguage(chats).forEach((lang, some) -> {
            int model = 0;
            int words = 0;
            int both = 0;
            for (int fold = 0; fold < k; fold++) {
                List<GoldChat> train = new ArrayList<>();
                List<GoldChat> test = new ArrayList<>();
                for (int i = 0; i < some.size(); i++) {
                    (i % k == fold ? test : train).add(some.get(i));
                }
                ComplaintTypeModel m = train(train, cost, features);
                Scorer scorer = new Scorer(book, CustomerPreferences.DEFAULT_ZONE, m);
                for (GoldChat c : test) {
                    String gold = c.gold().complaint().type();
                    ComplaintTypeModel.Prediction p = m.predict(c.transcript()); // null: no chat of it in the fold
                    predictions.put(c.id(), p);
                    model += p != null && p.type().name().equals(gold) ? 1 : 0;
                    words += lexicons.score(c.transcript()).complaint().type().name().equals(gold) ? 1 : 0;
                    both += scorer.score(c.transcript()).complaint().type().name().equals(gold) ? 1 : 0;
                }
            }
            out.add(new Folds(lang, some.size(), model, words, both));
        });
        return out;
    }
}

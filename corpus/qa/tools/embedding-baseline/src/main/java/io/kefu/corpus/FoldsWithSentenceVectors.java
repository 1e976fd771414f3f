package io.kefu.corpus;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.kefu.cli.qa.accuracy.GoldChat;
import io.kefu.cli.qa.accuracy.GoldSet;
import io.kefu.shared.domain.qa.ComplaintFeatures;
import io.kefu.shared.domain.qa.ComplaintType;
import io.kefu.shared.domain.qa.Lang;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Would the complaint-type model gain from reading sentences? The product's model ({@code kefu qa train}: the
 * terms of {@link ComplaintFeatures}, terms of at least two chats, LIBLINEAR L2 logistic regression, C 10) against
 * the same model with each chat's customer sentence vectors added (their mean and maximum, standardised on the
 * training folds, scaled by a weight): the same folds as {@code qa train --cv} (chat i of a language in fold i mod
 * k), the model alone on each chat it never saw. The scorer's lexicons are left out: this measures the model.
 *
 * <p>Usage: {@code FoldsWithSentenceVectors VECTORS.tsv GOLD_DIR K WEIGHT...} (vectors from {@link EmbedCustomerTurns}).
 */
public final class FoldsWithSentenceVectors {
    private static final double COST = 10; // ComplaintTypeTrainer.DEFAULT_COST
    private static final int MIN_CHATS = 2; // ComplaintTypeTrainer.MIN_CHATS

    public static void main(String[] args) throws Exception {
        Map<String, double[]> vectors = chatVectors(Path.of(args[0]));
        List<GoldChat> chats = GoldSet.load(Path.of(args[1]));
        int k = Integer.parseInt(args[2]);
        Map<Lang, List<GoldChat>> byLang = new EnumMap<>(Lang.class);
        chats.forEach(c -> byLang.computeIfAbsent(c.transcript().lang(), l -> new ArrayList<>()).add(c));
        for (int a = 3; a < args.length; a++) {
            double weight = Double.parseDouble(args[a]);
            StringBuilder line = new StringBuilder("sentence-vector weight " + weight + ":");
            byLang.forEach((lang, some) -> {
                int right = folds(some, k, vectors, weight);
                line.append(String.format("  %s %d/%d (%.1f%%)", lang, right, some.size(), 100.0 * right / some.size()));
            });
            System.out.println(line);
        }
    }

    private static int folds(List<GoldChat> chats, int k, Map<String, double[]> vectors, double weight) {
        int dims = chats.stream().map(c -> vectors.get(c.id())).filter(v -> v != null).findFirst()
                .map(v -> v.length).orElse(0);
        List<Map<String, Double>> terms = chats.stream().map(c -> ComplaintFeatures.of(c.transcript())).toList();
        int right = 0;
        for (int fold = 0; fold < k; fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < chats.size(); i++) {
                (i % k == fold ? test : train).add(i);
            }
            Map<String, Integer> index = termIndex(train, terms);
            double[] mean = new double[dims];
            double[] spread = new double[dims];
            standardise(train, chats, vectors, mean, spread);
            Problem problem = new Problem();
            problem.l = train.size();
            problem.n = index.size() + dims + 1;
            problem.bias = 1;
            problem.x = new Feature[train.size()][];
            problem.y = new double[train.size()];
            for (int r = 0; r < train.size(); r++) {
                int i = train.get(r);
                problem.x[r] = row(terms.get(i), index, vectors.get(chats.get(i).id()), mean, spread, weight, problem.n);
                problem.y[r] = ComplaintType.valueOf(chats.get(i).gold().complaint().type()).ordinal();
            }
            Linear.disableDebugOutput();
            Linear.resetRandom();
            Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, COST, 0.01));
            for (int i : test) {
                Feature[] x = row(terms.get(i), index, vectors.get(chats.get(i).id()), mean, spread, weight, problem.n);
                int predicted = (int) Linear.predict(model, x);
                right += ComplaintType.values()[predicted].name().equals(chats.get(i).gold().complaint().type()) ? 1 : 0;
            }
        }
        return right;
    }

    private static Map<String, Integer> termIndex(List<Integer> train, List<Map<String, Double>> terms) {
        Map<String, Integer> used = new TreeMap<>();
        train.forEach(i -> terms.get(i).keySet().forEach(t -> used.merge(t, 1, Integer::sum)));
        Map<String, Integer> index = new LinkedHashMap<>();
        used.forEach((term, n) -> {
            if (n >= MIN_CHATS) {
                index.put(term, index.size() + 1); // LIBLINEAR counts features from 1
            }
        });
        return index;
    }

    private static void standardise(List<Integer> train, List<GoldChat> chats, Map<String, double[]> vectors,
            double[] mean, double[] spread) {
        int n = 0;
        for (int i : train) {
            double[] v = vectors.get(chats.get(i).id());
            if (v == null) {
                continue;
            }
            n++;
            for (int d = 0; d < mean.length; d++) {
                mean[d] += v[d];
                spread[d] += v[d] * v[d];
            }
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= Math.max(1, n);
            spread[d] = Math.sqrt(Math.max(0, spread[d] / Math.max(1, n) - mean[d] * mean[d])) + 1e-6;
        }
    }

    /** Terms first (LIBLINEAR wants ascending indexes), then the sentence vector, then the bias. */
    private static Feature[] row(Map<String, Double> terms, Map<String, Integer> index, double[] vector,
            double[] mean, double[] spread, double weight, int biasIndex) {
        List<Feature> row = new ArrayList<>();
        Map<Integer, Double> sorted = new TreeMap<>();
        terms.forEach((t, w) -> {
            Integer j = index.get(t);
            if (j != null) {
                sorted.put(j, w);
            }
        });
        sorted.forEach((j, w) -> row.add(new FeatureNode(j, w)));
        if (vector != null && weight != 0) {
            for (int d = 0; d < mean.length; d++) {
                row.add(new FeatureNode(index.size() + 1 + d, weight * (vector[d] - mean[d]) / spread[d]));
            }
        }
        row.add(new FeatureNode(biasIndex, 1));
        return row.toArray(Feature[]::new);
    }

    /** A chat's vector: the mean and the maximum of its customer messages' vectors (none: no customer text). */
    private static Map<String, double[]> chatVectors(Path tsv) throws Exception {
        Map<String, List<double[]>> turns = new HashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            double[] v = new double[f.length - 2];
            for (int d = 0; d < v.length; d++) {
                v[d] = Double.parseDouble(f[d + 2]);
            }
            turns.computeIfAbsent(f[0], c -> new ArrayList<>()).add(v);
        }
        Map<String, double[]> out = new HashMap<>();
        turns.forEach((chat, vs) -> {
            int dims = vs.get(0).length;
            double[] both = new double[2 * dims];
            for (int d = 0; d < dims; d++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double[] v : vs) {
                    both[d] += v[d] / vs.size();
                    max = Math.max(max, v[d]);
                }
                both[dims + d] = max;
            }
            out.put(chat, both);
        });
        return out;
    }
}

package io.kefu.shared.domain.qa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which complaint type reviewers give a chat, learned from labelled chats: a linear model per language over
 * {@link ComplaintFeatures} (one-vs-rest logistic regression, trained by {@code kefu qa train} with LIBLINEAR).
 * Word lists name the type when the customer uses a listed phrase; on unseen chats the type reviewers give
 * depends on what the chat is about ("my app crashes" vs "you charged me"), which the model reads from every
 * word. docs/qa-accuracy.md has the measurements that chose it, and how sure it must be before it decides.
 *
 * <p>The model also reads what the customer said as sentence vectors ({@link ComplaintFeatures#sentences}, from the
 * pretrained sentence models {@link SentenceVectors}): on dev's folds that put 60 more English chats and 14 more
 * Chinese ones on the reviewers' type than the terms alone (docs/qa-accuracy.md, "Sentence vectors").
 *
 * <p>The file is plain text: {@code classes LANG T1,T2..}, {@code bias LANG w..}, then one {@code term LANG t w..}
 * line per term, a weight per class; then {@code vectors LANG MODELS N} and N {@code vector LANG d w..} lines, the
 * weights of the sentence-vector dimensions (standardisation folded in, so they weigh the raw vector). Weights are
 * written to 4 decimals, so the file is the model.
 */
public final class ComplaintTypeModel {
    public static final String RESOURCE = "/qa/complaint-type-model.tsv";
    private static final int EVIDENCE_TERMS = 3;
    private static final int WEIGHT_DECIMALS = 4;
    private static final double WEIGHT_SCALE = 1e4;

    /**
     * One language's weights: per term, one weight per class; bias per class; and, unless null, the weights of the
     * chat's sentence vector.
     */
    public record LangModel(List<ComplaintType> classes, double[] bias, Map<String, double[]> terms, Sentences sentences) {
        public LangModel {
            classes = List.copyOf(classes);
            bias = bias.clone();
        }

        /** Terms only. */
        public LangModel(List<ComplaintType> classes, double[] bias, Map<String, double[]> terms) {
            this(classes, bias, terms, null);
        }
    }

    /**
     * Weights over {@link ComplaintFeatures#sentences}: one row per dimension, a weight per class, for the sentence
     * models {@code model} ({@link SentenceVectors#id}); a model must be scored with the sentence models it learned.
     */
    public record Sentences(String model, double[][] weights) {}

    /** The model's call: the type, how sure (0..1, the classes' probabilities sum to 1), and its strongest words. */
    public record Prediction(ComplaintType type, double probability, List<String> evidence) {
        public Prediction {
            evidence = List.copyOf(evidence);
        }
    }

    /** The id of a model no file holds (trained in memory, as by folds). */
    public static final String UNSAVED = "unsaved";

    private final Map<Lang, LangModel> languages;
    private final Map<Lang, Compiled> compiled = new EnumMap<>(Lang.class);
    private final String id;
    private SentenceVectors vectors; // null until a language with sentence weights is scored

    public ComplaintTypeModel(Map<Lang, LangModel> languages) {
        this(languages, UNSAVED, null);
    }

    /** With the sentence models to read chats with (a trainer's, a test's); else the installed ones, on first use. */
    public ComplaintTypeModel(Map<Lang, LangModel> languages, SentenceVectors vectors) {
        this(languages, UNSAVED, vectors);
    }

    private ComplaintTypeModel(Map<Lang, LangModel> languages, String id, SentenceVectors vectors) {
        this.id = id;
        this.vectors = vectors;
        this.languages = new EnumMap<>(Lang.class);
        this.languages.putAll(languages);
        languages.forEach((lang, m) -> compiled.put(lang, new Compiled(lang, m)));
    }

    /**
     * A language's terms as primitive keys ({@link TermKeys}) over one flat weight array, and the stems the terms
     * use numbered: scoring walks the chat ({@link ComplaintFeatures#walk}) and looks each term up without
     * spelling it. Read-only once built, so scorers on several threads share it; each chat's walk has its own state.
     */
    private static final class Compiled {
        private static final long[] SIDE = {1L << 62, 1L << 61};
        private static final long PAIR = 1L << 40;
        private static final long STEM_PAIR = 1L << 60;
        private static final int STEM_BITS = 28;

        final String[] spelled;
        final double[] weights; // row-major: term row x class
        final TermKeys rows;
        final Map<String, Integer> stemIds = new HashMap<>();

        Compiled(Lang lang, LangModel m) {
            int k = m.classes().size();
            spelled = m.terms().keySet().toArray(String[]::new);
            weights = new double[spelled.length * k];
            rows = new TermKeys(spelled.length);
            for (int r = 0; r < spelled.length; r++) {
                System.arraycopy(m.terms().get(spelled[r]), 0, weights, r * k, k);
                rows.add(key(lang, spelled[r]), r);
            }
        }

        private long key(Lang lang, String term) {
            long side = SIDE[ComplaintFeatures.side(term)];
            String[] parts = ComplaintFeatures.parts(term, lang);
            if (lang == Lang.ZH) {
                String t = parts[0];
                return t.length() == 1 ? side | t.charAt(0) : side | PAIR | (long) t.charAt(0) << 16 | t.charAt(1);
            }
            long first = stemIds.computeIfAbsent(parts[0], x -> stemIds.size());
            if (parts.length == 1) {
                return side | first;
            }
            return side | STEM_PAIR | first << STEM_BITS | stemIds.computeIfAbsent(parts[1], x -> stemIds.size());
        }

        /** Each side's distinct terms as keys (weighed 1/√n, as {@link ComplaintFeatures#of} weighs them). */
        TermKeys[] terms(Transcript transcript) {
            Walk walk = new Walk();
            ComplaintFeatures.walk(transcript, walk);
            return walk.sides;
        }

        /** One chat's walk: its distinct terms per side, and numbers for the stems the model does not know. */
        private final class Walk implements ComplaintFeatures.Terms {
            final TermKeys[] sides = {new TermKeys(64), new TermKeys(64)};
            private Map<String, Integer> unseen;

            @Override
            public void characters(int side, char first, char second) {
                sides[side].add(second == 0 ? SIDE[side] | first : SIDE[side] | PAIR | (long) first << 16 | second, 0);
            }

            @Override
            public void stems(int side, String stem, String next) {
                long key = next == null ? SIDE[side] | id(stem) : SIDE[side] | STEM_PAIR | id(stem) << STEM_BITS | id(next);
                sides[side].add(key, 0);
            }

            private long id(String stem) {
                Integer known = stemIds.get(stem);
                if (known != null) {
                    return known;
                }
                if (unseen == null) {
                    unseen = new HashMap<>();
                }
                return unseen.computeIfAbsent(stem, x -> stemIds.size() + unseen.size());
            }
        }
    }

    private static final class Bundled {
        static final ComplaintTypeModel MODEL = load();

        private static ComplaintTypeModel load() {
            try (InputStream in = ComplaintTypeModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The model trained on the corpus's dev chats, shipped in the jar (loaded on first use). */
    public static ComplaintTypeModel bundled() {
        return Bundled.MODEL;
    }

    /**
     * Which model this is: {@code sha256:} and the first 12 hex digits of its file's lines, stored with every score
     * it graded, so a lead can tell scores of a retrained model from older ones under the same rulebook version.
     */
    public String id() {
        return id;
    }

    public boolean covers(Lang lang) {
        return languages.containsKey(lang);
    }

    /** The weights as written, per language (what a test recomputes a prediction from). */
    public Map<Lang, LangModel> languages() {
        return java.util.Collections.unmodifiableMap(languages);
    }

    /** Null when the model has no weights for the chat's language. */
    public Prediction predict(Transcript transcript) {
        LangModel m = languages.get(transcript.lang());
        if (m == null) {
            return null;
        }
        Compiled c = compiled.get(transcript.lang());
        TermKeys[] sides = c.terms(transcript);
        int k = m.classes().size();
        double[] score = m.bias().clone();
        if (m.sentences() != null) {
            addSentences(transcript, m.sentences(), score);
        }
        for (TermKeys side : sides) {
            double weight = 1 / Math.sqrt(side.size());
            for (long key : side.keys()) {
                int row = c.rows.get(key);
                if (row >= 0) {
                    for (int j = 0; j < k; j++) {
                        score[j] += c.weights[row * k + j] * weight;
                    }
                }
            }
        }
        // LIBLINEAR's one-vs-rest probabilities: each class's logistic, normalised over the classes
        double[] p = new double[k];
        double sum = 0;
        int best = 0;
        for (int j = 0; j < k; j++) {
            p[j] = 1 / (1 + Math.exp(-score[j]));
            sum += p[j];
            best = p[j] > p[best] ? j : best;
        }
        ComplaintType type = m.classes().get(best);
        // no complaint needs no evidence: most chats, so the scorer skips the sort
        return new Prediction(type, p[best] / sum, type == ComplaintType.NONE ? List.of() : evidence(c, k, sides, best));
    }

    /** Reads one short text in each language that has sentence weights, so the sentence models are loaded. */
    public void warmUp() {
        languages.forEach((lang, m) -> {
            if (m.sentences() != null) {
                vectors().of(lang == Lang.ZH ? "您好" : "hello", lang);
            }
        });
    }

    private void addSentences(Transcript transcript, Sentences sentences, double[] score) {
        SentenceVectors v = vectors();
        if (!v.id().equals(sentences.model())) {
            throw new IllegalStateException("complaint-type model " + id + " learned sentence vectors of "
                    + sentences.model() + ", not of " + v.id());
        }
        double[] x = ComplaintFeatures.sentences(transcript, v);
        if (x.length != sentences.weights().length) {
            throw new IllegalStateException("complaint-type model " + id + ": " + sentences.weights().length
                    + " sentence-vector weights for a vector of " + x.length);
        }
        for (int d = 0; d < x.length; d++) {
            double[] w = sentences.weights()[d];
            for (int j = 0; j < score.length; j++) {
                score[j] += w[j] * x[d];
            }
        }
    }

    private SentenceVectors vectors() {
        SentenceVectors v = vectors;
        if (v == null) {
            v = SentenceVectors.installed();
            vectors = v; // a benign race: every thread resolves the same installed instance
        }
        return v;
    }

    /**
     * The customer's terms that set the class apart most, strongest first: what a lead can find in the
     * customer's words (the agent's "sorry about that" also pushes, but says nothing about the complaint). Chinese
     * single characters and words of one or two letters are left out as saying too little, digits as maybe PII.
     */
    private static List<String> evidence(Compiled c, int k, TermKeys[] sides, int best) {
        List<Map.Entry<String, Double>> pushes = new ArrayList<>();
        TermKeys customer = sides[ComplaintFeatures.CUSTOMER];
        for (long key : customer.keys()) {
            int row = c.rows.get(key);
            double push = row < 0 ? 0 : margin(c.weights, row * k, k, best);
            if (push > 0 && telling(c.spelled[row])) {
                pushes.add(Map.entry(c.spelled[row], push));
            }
        }
        pushes.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>(EVIDENCE_TERMS);
        for (Map.Entry<String, Double> e : pushes) {
            String word = ComplaintFeatures.display(e.getKey());
            if (!out.contains(word)) {
                out.add(word);
            }
            if (out.size() == EVIDENCE_TERMS) {
                break;
            }
        }
        return out;
    }

    /** How much more a term says for the class than for the next likeliest one ("for" says as much for each). */
    private static double margin(double[] weights, int from, int k, int best) {
        double other = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            other = j == best ? other : Math.max(other, weights[from + j]);
        }
        return weights[from + best] - other;
    }

    private static boolean telling(String term) {
        String bare = term.substring(2);
        boolean chinese = bare.charAt(0) >= '\u2E80'; // a character pair says 快递; one character says little
        return (chinese ? bare.length() == 2 : bare.length() > 2) && bare.chars().noneMatch(Character::isDigit);
    }

    /** A weight as the file holds it (4 decimals, no -0): what a trainer keeps, so the file is the model it made. */
    public static double asWritten(double w) {
        double r = Math.round(w * WEIGHT_SCALE) / WEIGHT_SCALE;
        return r == 0 ? 0 : r;
    }

    public void write(Writer out, String header) throws IOException {
        for (String line : header.split("\n")) {
            out.write("# " + line + "\n");
        }
        for (Map.Entry<Lang, LangModel> e : languages.entrySet()) {
            String lang = e.getKey().name();
            LangModel m = e.getValue();
            out.write("classes\t" + lang + "\t" + String.join(",", m.classes().stream().map(Enum::name).toList()) + "\n");
            out.write("bias\t" + lang + weights(m.bias()) + "\n");
            for (Map.Entry<String, double[]> t : m.terms().entrySet()) {
                out.write("term\t" + lang + "\t" + t.getKey() + weights(t.getValue()) + "\n");
            }
            if (m.sentences() != null) {
                double[][] w = m.sentences().weights();
                out.write("vectors\t" + lang + "\t" + m.sentences().model() + "\t" + w.length + "\n");
                for (int d = 0; d < w.length; d++) {
                    out.write("vector\t" + lang + "\t" + d + weights(w[d]) + "\n");
                }
            }
        }
    }

    private static String weights(double[] w) {
        StringBuilder b = new StringBuilder();
        for (double v : w) {
            b.append('\t').append(String.format(Locale.ROOT, "%." + WEIGHT_DECIMALS + "f", v));
        }
        return b.toString();
    }

    public static ComplaintTypeModel read(Reader in) throws IOException {
        Map<Lang, List<ComplaintType>> classes = new EnumMap<>(Lang.class);
        Map<Lang, double[]> bias = new EnumMap<>(Lang.class);
        Map<Lang, Map<String, double[]>> terms = new EnumMap<>(Lang.class);
        Map<Lang, String> sentenceModels = new EnumMap<>(Lang.class);
        Map<Lang, double[][]> sentenceWeights = new EnumMap<>(Lang.class);
        BufferedReader lines = new BufferedReader(in);
        MessageDigest digest = sha256();
        int n = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            n++;
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Lang lang = Lang.valueOf(f[1]);
            switch (f[0]) {
                case "classes" -> classes.put(lang, Arrays.stream(f[2].split(",")).map(ComplaintType::valueOf).toList());
                case "bias" -> bias.put(lang, parse(f, 2, classes.get(lang), n));
                case "term" -> terms.computeIfAbsent(lang, l -> new LinkedHashMap<>()).put(f[2], parse(f, 3, classes.get(lang), n));
                case "vectors" -> {
                    sentenceModels.put(lang, f[2]);
                    sentenceWeights.put(lang, new double[Integer.parseInt(f[3])][]);
                }
                case "vector" -> {
                    double[][] w = sentenceWeights.get(lang);
                    int d = Integer.parseInt(f[2]);
                    if (w == null || d < 0 || d >= w.length || w[d] != null) {
                        throw new IOException("complaint-type model line " + n + ": vector " + d + " outside its vectors line");
                    }
                    w[d] = parse(f, 3, classes.get(lang), n);
                }
                default -> throw new IOException("complaint-type model line " + n + ": unknown kind " + f[0]);
            }
        }
        Map<Lang, LangModel> out = new EnumMap<>(Lang.class);
        for (Map.Entry<Lang, List<ComplaintType>> e : classes.entrySet()) {
            Lang lang = e.getKey();
            double[][] w = sentenceWeights.get(lang);
            if (w != null && Arrays.stream(w).anyMatch(row -> row == null)) {
                throw new IOException("complaint-type model: " + lang + " has fewer vector lines than its vectors line says");
            }
            Sentences sentences = w == null ? null : new Sentences(sentenceModels.get(lang), w);
            out.put(lang, new LangModel(e.getValue(), bias.get(lang), terms.getOrDefault(lang, Map.of()), sentences));
        }
        return new ComplaintTypeModel(out, "sha256:" + HexFormat.of().formatHex(digest.digest()).substring(0, 12), null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static double[] parse(String[] f, int from, List<ComplaintType> classes, int line) throws IOException {
        if (classes == null || f.length - from != classes.size()) {
            throw new IOException("complaint-type model line " + line + ": expected one weight per class");
        }
        double[] w = new double[classes.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = fixedPoint(f[from + i], line);
        }
        return w;
    }

    /**
     * A weight as {@link #write} spells it ({@code -0.1234}): digits read as an integer over 10^4, the same double
     * Double.parseDouble gives (both the nearest to that decimal) at a fraction of its cost; 150,000 of them are
     * read in a cold start.
     */
    private static double fixedPoint(String s, int line) throws IOException {
        int i = s.startsWith("-") ? 1 : 0;
        long digits = 0;
        int decimals = -1;
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '.' && decimals < 0) {
                decimals = 0;
            } else if (c >= '0' && c <= '9' && j - i < 18) {
                digits = 10 * digits + (c - '0');
                decimals += decimals >= 0 ? 1 : 0;
            } else {
                throw new IOException("complaint-type model line " + line + ": not a weight: " + s);
            }
        }
        if (decimals != WEIGHT_DECIMALS) {
            return Double.parseDouble(s); // not as written by write(): the slow, general way
        }
        return (i == 1 ? -digits : digits) / WEIGHT_SCALE;
    }
}

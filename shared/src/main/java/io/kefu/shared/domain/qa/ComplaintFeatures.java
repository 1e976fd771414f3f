package io.kefu.shared.domain.qa;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words of a chat as the complaint-type model reads them: what the customer wrote ({@code c:}) and what the
 * agent wrote ({@code a:}), each side a set of terms weighted 1/√n so a long chat says no more than a short one.
 * Chinese terms are the folded characters and character pairs (no segmenter needed: pairs carry 快递, 质量, 退款);
 * English terms are Snowball stems and stem pairs ("not work", "charg twice"). Folding is the matcher's own
 * ({@link CharFolding}), so a traditional or look-alike spelling reads as the simplified one.
 *
 * <p>{@link #walk} is the one definition of the terms: {@link #of} spells them for training and the model file,
 * {@link ComplaintTypeModel} turns the same walk into primitive keys when it scores.
 */
public final class ComplaintFeatures {
    static final int CUSTOMER = 0;
    static final int AGENT = 1;
    private static final String[] PREFIX = {"c:", "a:"};
    private static final char PAIR = '_';
    private static final StemCache STEMS = new StemCache();

    /** Receives each term of a chat, repeats included. */
    interface Terms {
        /** A Chinese character ({@code second} 0) or character pair. */
        void characters(int side, char first, char second);

        /** An English stem ({@code next} null) or stem pair. */
        void stems(int side, String stem, String next);
    }

    private ComplaintFeatures() {}

    /** Term → weight, in term order (training and the model file are then deterministic). */
    public static Map<String, Double> of(Transcript transcript) {
        List<Set<String>> sides = List.of(new HashSet<>(), new HashSet<>());
        walk(transcript, new Terms() {
            @Override
            public void characters(int side, char first, char second) {
                sides.get(side).add(second == 0 ? String.valueOf(first) : new String(new char[] {first, second}));
            }

            @Override
            public void stems(int side, String stem, String next) {
                sides.get(side).add(next == null ? stem : stem + PAIR + next);
            }
        });
        Map<String, Double> out = new TreeMap<>();
        for (int side = CUSTOMER; side <= AGENT; side++) {
            double weight = 1 / Math.sqrt(sides.get(side).size());
            for (String t : sides.get(side)) {
                out.put(PREFIX[side] + t, weight);
            }
        }
        return out;
    }

    /** A term as a lead reads it in evidence: no side prefix, pairs joined by a space. */
    public static String display(String term) {
        String bare = term.length() > 2 && term.charAt(1) == ':' ? term.substring(2) : term;
        return bare.replace(PAIR, ' ');
    }

    /** The side of a term ({@link #CUSTOMER} or {@link #AGENT}) and its text: a character, a pair, a stem or stems. */
    static int side(String term) {
        return term.startsWith(PREFIX[AGENT]) ? AGENT : CUSTOMER;
    }

    static String[] parts(String term, Lang lang) {
        String bare = term.substring(2);
        return lang == Lang.ZH ? new String[] {bare} : bare.split(String.valueOf(PAIR), -1);
    }

    /**
     * What the customer said as sentence vectors: the mean and the maximum, dimension by dimension, of the vectors of
     * their messages ({@code 2 × dimensions} long; zeros when the customer wrote nothing). The model reads these beside
     * the terms; training and scoring both come through here.
     */
    public static double[] sentences(Transcript transcript, SentenceVectors vectors) {
        int dims = vectors.dimensions(transcript.lang());
        double[] out = new double[2 * dims];
        Arrays.fill(out, dims, 2 * dims, Double.NEGATIVE_INFINITY);
        int n = 0;
        for (Message m : transcript.messages()) {
            if (!m.isCustomer() || m.text().isBlank()) {
                continue;
            }
            float[] v = vectors.of(m.text(), transcript.lang());
            for (int d = 0; d < dims; d++) {
                out[d] += v[d];
                out[dims + d] = Math.max(out[dims + d], v[d]);
            }
            n++;
        }
        if (n == 0) {
            return new double[2 * dims];
        }
        for (int d = 0; d < dims; d++) {
            out[d] /= n;
        }
        return out;
    }

    static void walk(Transcript transcript, Terms terms) {
        boolean zh = transcript.lang() == Lang.ZH;
        for (Message m : transcript.messages()) {
            int side = m.isCustomer() ? CUSTOMER : m.isAgent() ? AGENT : -1;
            if (side >= 0) {
                if (zh) {
                    characters(m.text(), side, terms);
                } else {
                    stems(m.text(), side, terms);
                }
            }
        }
    }

    /** Pairs run across line breaks and messages of a side as the text reads on; whitespace is skipped. */
    private static void characters(String text, int side, Terms terms) {
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || CharFolding.invisible(c) || Character.isSurrogate(c)) {
                continue; // a lone surrogate cannot be written to the model file
            }
            char folded = CharFolding.fold(c);
            terms.characters(side, folded, (char) 0);
            if (previous != 0) {
                terms.characters(side, previous, folded);
            }
            previous = folded;
        }
    }

    private static void stems(String text, int side, Terms terms) {
        char[] word = new char[64];
        int length = 0;
        String previous = null;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? CharFolding.fold(text.charAt(i)) : ' ';
            boolean letter = c >= 'a' && c <= 'z' || c == '\'' && length > 0;
            if (letter) {
                if (length < word.length) {
                    word[length++] = c;
                }
                continue;
            }
            if (length > 1) {
                String stem = STEMS.stem(word, 0, length);
                terms.stems(side, stem, null);
                if (previous != null) {
                    terms.stems(side, previous, stem);
                }
                previous = stem;
            }
            length = 0;
        }
    }
}

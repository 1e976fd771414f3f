package io.kefu.shared.domain.qa;

import java.util.Arrays;

/** What the automaton found in one message: per lexicon, every match span; and the message's clauses. */
public final class MessageHits {
    private static final int[] NONE = new int[0];

    private final String raw;
    private final NormalizedText normalized;
    /** per lexicon: begin0, end0, begin1, end1 ... in the normalized text (null = no match) */
    private final int[][] spans;
    private final int[] count;
    private int[][] clauseGrams;
    private int[] grams;
    private GramBag gramBag;
    private int[] clauseBounds;

    MessageHits(String raw, NormalizedText normalized, int lexicons) {
        this.raw = raw == null ? "" : raw;
        this.normalized = normalized;
        this.spans = new int[lexicons][];
        this.count = new int[lexicons];
    }

    void record(int lexicon, int begin, int end) {
        int[] s = spans[lexicon];
        int c = count[lexicon];
        if (s == null) {
            s = spans[lexicon] = new int[4];
        } else if (2 * c + 2 > s.length) {
            s = spans[lexicon] = Arrays.copyOf(s, 2 * s.length);
        }
        s[2 * c] = begin;
        s[2 * c + 1] = end;
        count[lexicon] = c + 1;
    }

    public boolean has(int lexicon) {
        return lexicon >= 0 && count[lexicon] > 0;
    }

    public int count(int lexicon) {
        return lexicon < 0 ? 0 : count[lexicon];
    }

    /** Matches of {@code lexicon} that overlap no match of {@code excluded} (-1: nothing excluded). */
    public int countOutside(int lexicon, int excluded) {
        if (!has(lexicon)) {
            return 0;
        }
        if (!has(excluded)) {
            return count[lexicon];
        }
        int n = 0;
        for (int i = 0; i < count[lexicon]; i++) {
            if (!overlaps(excluded, spans[lexicon][2 * i], spans[lexicon][2 * i + 1])) {
                n++;
            }
        }
        return n;
    }

    /** Whether a match of {@code lexicon} overlaps [begin, end). */
    boolean overlaps(int lexicon, int begin, int end) {
        if (!has(lexicon)) {
            return false;
        }
        int[] s = spans[lexicon];
        for (int i = 0; i < count[lexicon]; i++) {
            if (s[2 * i] < end && begin < s[2 * i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The earliest match outside the excluded spans as the author wrote it (raw; redact before storing), or null. */
    public String evidenceOutside(int lexicon, int excluded) {
        int at = firstOutside(lexicon, excluded);
        return at < 0 ? null : normalized.original(raw, spans[lexicon][2 * at], spans[lexicon][2 * at + 1]);
    }

    /** Begin (normalized offset) of the earliest match outside the excluded spans, or -1. */
    int beginOutside(int lexicon, int excluded) {
        int at = firstOutside(lexicon, excluded);
        return at < 0 ? -1 : spans[lexicon][2 * at];
    }

    private int firstOutside(int lexicon, int excluded) {
        if (!has(lexicon)) {
            return -1;
        }
        int best = -1;
        int[] s = spans[lexicon];
        for (int i = 0; i < count[lexicon]; i++) {
            if ((best < 0 || s[2 * i] < s[2 * best]) && !overlaps(excluded, s[2 * i], s[2 * i + 1])) {
                best = i;
            }
        }
        return best;
    }

    /** The first match as the author wrote it (raw text; redact before storing). */
    public String evidence(int lexicon) {
        String e = evidenceOutside(lexicon, -1);
        return e == null ? "" : e;
    }

    int[] spans(int lexicon) {
        return has(lexicon) ? spans[lexicon] : NONE;
    }

    public String raw() {
        return raw;
    }

    public String normalizedText() {
        return normalized.text();
    }

    /** Raw text of normalized [begin, end). */
    String original(int begin, int end) {
        return normalized.original(raw, begin, end);
    }

    /** Character n-grams of the whole message (for "said nearly the same again"), computed once. */
    int[] grams() {
        if (grams == null) {
            grams = GramBag.grams(normalized.text(), 0, normalized.text().length());
        }
        return grams;
    }

    /** The same n-grams hashed, for comparing later messages with this one, built once. */
    GramBag gramBag() {
        if (gramBag == null) {
            gramBag = GramBag.of(grams());
        }
        return gramBag;
    }

    /** Clause i spans normalized [bounds[2i], bounds[2i+1]). */
    int[] clauseBounds() {
        if (clauseBounds == null) {
            String text = normalized.text();
            int clauses = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == TextNormalizer.CLAUSE) {
                    clauses++;
                }
            }
            int[] bounds = new int[2 * clauses];
            int k = 0;
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == TextNormalizer.CLAUSE) {
                    bounds[k++] = start;
                    bounds[k++] = i;
                    start = i + 1;
                }
            }
            clauseBounds = bounds;
        }
        return clauseBounds;
    }

    /** Character n-grams of each clause for similarity, computed once per message however many rules ask. */
    int[] clauseGrams(int clause) {
        if (clauseGrams == null) {
            clauseGrams = new int[clauseBounds().length / 2][];
        }
        if (clauseGrams[clause] == null) {
            int[] b = clauseBounds();
            clauseGrams[clause] = GramBag.grams(normalized.text(), b[2 * clause], b[2 * clause + 1]);
        }
        return clauseGrams[clause];
    }
}

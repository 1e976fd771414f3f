package io.kefu.shared.domain.qa;

/** What the automaton found in one message: per lexicon, how often and where first. */
public final class MessageHits {
    private final String raw;
    private final NormalizedText normalized;
    private final int[] count;
    private final int[] firstBegin;
    private final int[] firstEnd;
    private int[] grams;

    MessageHits(String raw, NormalizedText normalized, int lexicons) {
        this.raw = raw == null ? "" : raw;
        this.normalized = normalized;
        this.count = new int[lexicons];
        this.firstBegin = new int[lexicons];
        this.firstEnd = new int[lexicons];
    }

    void record(int lexicon, int begin, int end) {
        if (count[lexicon]++ == 0 || begin < firstBegin[lexicon]) {
            firstBegin[lexicon] = begin;
            firstEnd[lexicon] = end;
        }
    }

    public boolean has(int lexicon) {
        return lexicon >= 0 && count[lexicon] > 0;
    }

    public int count(int lexicon) {
        return lexicon < 0 ? 0 : count[lexicon];
    }

    /** The first match as the author wrote it (raw text; redact before storing). */
    public String evidence(int lexicon) {
        return has(lexicon) ? normalized.original(raw, firstBegin[lexicon], firstEnd[lexicon]) : "";
    }

    public String normalizedText() {
        return normalized.text();
    }

    /** Character n-grams for similarity, computed once per message however many rules ask. */
    int[] grams() {
        if (grams == null) {
            grams = CompiledRulebook.grams(normalized.text());
        }
        return grams;
    }
}

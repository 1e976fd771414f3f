package io.kefu.cli.qa.accuracy;

/**
 * Agent promises over the corpus, matched by message index: {@code gold} the reviewer marked, {@code scored} that became
 * follow-up tasks, {@code matched} both. Of the matched ones whose sentence states a due time ({@code dueJudged}),
 * {@code dueRight} got a due time within an hour of the reviewer's.
 */
public record PromiseCounts(int gold, int scored, int matched, int dueJudged, int dueRight) {
    public static final PromiseCounts EMPTY = new PromiseCounts(0, 0, 0, 0, 0);

    public PromiseCounts plus(PromiseCounts o) {
        return new PromiseCounts(gold + o.gold, scored + o.scored, matched + o.matched, dueJudged + o.dueJudged,
                dueRight + o.dueRight);
    }

    public Double recall() {
        return gold == 0 ? null : (double) matched / gold;
    }

    public Double precision() {
        return scored == 0 ? null : (double) matched / scored;
    }
}

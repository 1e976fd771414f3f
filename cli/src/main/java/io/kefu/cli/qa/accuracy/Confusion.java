package io.kefu.cli.qa.accuracy;

/**
 * Counts for one yes/no question over the corpus ("did this rule fail?", "is the customer upset?"), positive = yes.
 * Precision and recall are null when undefined (nothing predicted / nothing to find), never a made-up 0 or 1.
 */
public record Confusion(int tp, int fp, int fn, int tn) {
    public static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

    public Confusion add(boolean gold, boolean scored) {
        if (gold && scored) {
            return new Confusion(tp + 1, fp, fn, tn);
        }
        if (scored) {
            return new Confusion(tp, fp + 1, fn, tn);
        }
        if (gold) {
            return new Confusion(tp, fp, fn + 1, tn);
        }
        return new Confusion(tp, fp, fn, tn + 1);
    }

    public int positives() {
        return tp + fn;
    }

    public int total() {
        return tp + fp + fn + tn;
    }

    public Double precision() {
        return tp + fp == 0 ? null : (double) tp / (tp + fp);
    }

    public Double recall() {
        return tp + fn == 0 ? null : (double) tp / (tp + fn);
    }
}

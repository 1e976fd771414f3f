package io.kefu.cli.qa.accuracy;

/** n of N chats where the scorer gave the reviewer's answer; rate null when nothing was judged. */
public record Agreement(int agreed, int judged) {
    public static final Agreement EMPTY = new Agreement(0, 0);

    public Agreement add(boolean same) {
        return new Agreement(agreed + (same ? 1 : 0), judged + 1);
    }

    public Double rate() {
        return judged == 0 ? null : (double) agreed / judged;
    }

    /** How far the rate may be from the scorer's true rate on chats like these (null when nothing was judged). */
    public Wilson interval() {
        return judged == 0 ? null : Wilson.of(agreed, judged);
    }
}

package io.kefu.shared.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A resumable record-intent -> effect -> mark-done sequence. Each step has a check that says whether it is
 * already done (read from the stored intent, so a redelivery or re-run after a crash between any two steps
 * skips what happened and finishes the rest) and the step itself, which must be idempotent on its own keys.
 *
 * <pre>{@code
 * Steps.first("put-score", () -> stored, store::put)
 *      .then("unlink-old", () -> old.supersededBy() != null, () -> store.unlink(old))
 *      .run();
 * }</pre>
 */
public final class Steps {
    private record Step(String name, BooleanSupplier done, Runnable effect) {}

    private final List<Step> steps = new ArrayList<>();

    private Steps() {}

    public static Steps first(String name, BooleanSupplier done, Runnable effect) {
        return new Steps().then(name, done, effect);
    }

    public Steps then(String name, BooleanSupplier done, Runnable effect) {
        steps.add(new Step(name, done, effect));
        return this;
    }

    /** @return the names of the steps this run did (the others were found done) */
    public List<String> run() {
        List<String> ran = new ArrayList<>();
        for (Step step : steps) {
            if (!step.done().getAsBoolean()) {
                step.effect().run();
                ran.add(step.name());
            }
        }
        return ran;
    }
}

package io.kefu.shared.runtime;

import io.kefu.shared.json.JsonContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: steps a handler runs once before Lambda snapshots the initialised container
 * ({@code beforeCheckpoint}), so the snapshot holds loaded and linked classes for the hot path (JSON
 * decoding of the contract, scoring, SDK marshalling, signing and HTTP) instead of each restored
 * container loading them on its first message. Steps must be side-effect free: decode and score a
 * built-in sample, read an item that does not exist.
 *
 * <p>Without SnapStart (or on a JVM without CRaC) {@code org.crac} is a no-op and the steps never run,
 * so an on-demand cold start does not pay for them. A failing step is logged and skipped: priming is an
 * optimisation, never a reason to fail the snapshot. Handlers keep the returned instance in a field
 * (CRaC contexts may hold resources weakly).
 */
public final class Priming implements Resource {
    private final String function;
    private final List<Runnable> steps;
    private final EventLog log;

    private Priming(String function, List<Runnable> steps, EventLog log) {
        this.function = function;
        this.steps = List.copyOf(steps);
        this.log = log;
    }

    public static Priming register(String function, EventLog log, Runnable... steps) {
        Priming priming = new Priming(function, List.of(steps), log);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * A step that decodes a packaged sample message ({@code /priming/<name>.json}, a copy of an events/ sample)
     * with the function's contract and hands it on (e.g. to the scorer), without side effects.
     */
    public static <T> Runnable decode(JsonContract<T> contract, String sample, java.util.function.Consumer<T> then) {
        String body = sample(sample);
        return () -> then.accept(contract.decode(body));
    }

    static String sample(String name) {
        try (InputStream in = Priming.class.getResourceAsStream("/priming/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no priming sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every step now; what beforeCheckpoint does (also for measuring what priming buys). */
    public int prime() {
        int done = 0;
        for (Runnable step : steps) {
            try {
                step.run();
                done++;
            } catch (RuntimeException e) {
                log.warn("priming.step.failed", Map.of("function", function, "error", String.valueOf(e)));
            }
        }
        return done;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        int done = prime();
        log.info("priming.done", Map.of("function", function, "steps", done, "of", steps.size()));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to undo: SDK clients open new connections when the snapshotted ones are gone.
    }
}

package io.kefu.shared.effects;

import io.kefu.shared.runtime.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One run of a scheduled function over pages of due items: every item isolated (one that throws is logged at
 * WARN with its id and counted, and the run goes on; it stays due, so the next run tries it again), at most
 * {@code pageLimit} items read per page, and no new item started once less than {@code reserve} of the
 * invocation is left (the rest carry over to the next run instead of being cut off mid-effect).
 */
public final class ScheduledBatch {
    /** The per-item work; may throw anything. */
    @FunctionalInterface
    public interface Work<T> {
        void run(T item) throws Exception;
    }

    private final String name;
    private final Invocation invocation;
    private final int pageLimit;
    private final Duration reserve;
    private final Clock clock;
    private final EventLog log;
    private int done;
    private int failed;
    private int pagesFull;
    private boolean outOfTime;

    public ScheduledBatch(String name, Invocation invocation, int pageLimit, Duration reserve, Clock clock, EventLog log) {
        if (pageLimit < 1) {
            throw new IllegalArgumentException("pageLimit must be at least 1");
        }
        this.name = name;
        this.invocation = invocation;
        this.pageLimit = pageLimit;
        this.reserve = reserve;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Fetches one page ({@code fetch} gets the page limit) and runs {@code work} on each item while time lasts.
     * @return false once the time budget is spent (callers stop fetching further pages)
     */
    public <T> boolean page(IntFunction<List<T>> fetch, Function<T, String> id, Work<T> work) {
        if (!timeLeft()) {
            return false;
        }
        List<T> items = fetch.apply(pageLimit);
        if (items.size() >= pageLimit) {
            pagesFull++; // more may be due: they carry over to the next run
        }
        for (T item : items) {
            if (!timeLeft()) {
                return false;
            }
            try {
                work.run(item);
                done++;
            } catch (Exception | LinkageError e) {
                failed++;
                log.warn(name + ".item_failed", Map.of("item", id.apply(item), "error", e.getClass().getSimpleName(),
                        "detail", String.valueOf(e.getMessage())));
            }
        }
        return true;
    }

    private boolean timeLeft() {
        if (!outOfTime && invocation.remaining(clock.instant()).compareTo(reserve) < 0) {
            outOfTime = true;
            log.warn(name + ".out_of_time", Map.of("done", done, "remainingMs",
                    invocation.remaining(clock.instant()).toMillis()));
        }
        return !outOfTime;
    }

    public int failed() {
        return failed;
    }

    /** done / failed items, pages that hit the limit, and whether the time budget ended the run early. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("itemsDone", done);
        out.put("itemsFailed", failed);
        out.put("pagesAtLimit", pagesFull);
        out.put("outOfTime", outOfTime);
        return out;
    }
}

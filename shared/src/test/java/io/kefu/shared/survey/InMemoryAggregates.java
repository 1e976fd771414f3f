package io.kefu.shared.survey;

import io.kefu.shared.domain.survey.DailyAggregate;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

final class InMemoryAggregates implements AggregateStore {
    private final Map<Cell, DailyAggregate> cells = new HashMap<>();
    private final Map<Cell, Set<String>> counted = new HashMap<>();

    /** Survey ids a cell still remembers (in flight): empty once every answer is settled. */
    synchronized Set<String> counting(Cell cell) {
        return Set.copyOf(counted.getOrDefault(cell, Set.of()));
    }

    @Override
    public synchronized boolean add(Cell cell, String surveyId, DailyAggregate delta) {
        if (!counted.computeIfAbsent(cell, c -> new HashSet<>()).add(surveyId)) {
            return false;
        }
        cells.merge(cell, delta, DailyAggregate::plus);
        return true;
    }

    @Override
    public synchronized void settle(Cell cell, String surveyId) {
        Set<String> ids = counted.get(cell);
        if (ids != null) {
            ids.remove(surveyId);
        }
    }

    @Override
    public synchronized Map<Cell, DailyAggregate> day(LocalDate day) {
        Map<Cell, DailyAggregate> out = new LinkedHashMap<>();
        cells.forEach((cell, agg) -> {
            if (cell.day().equals(day)) {
                out.put(cell, agg);
            }
        });
        return out;
    }
}

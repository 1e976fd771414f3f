package io.kefu.shared.survey;

import io.kefu.shared.domain.survey.DailyAggregate;
import java.time.LocalDate;
import java.util.Map;

/** Daily CSAT/NPS counters per (day, survey kind, team, agent) cell. */
public interface AggregateStore {

    /** One reporting cell; team/agent are "-" when the survey had none (post-delivery). */
    record Cell(LocalDate day, String kind, String team, String agent) {}

    /**
     * Step 1 of counting an answer: add one survey's counts to its cell at most once (the cell remembers the
     * survey until {@link #settle}). @return false when that survey was already counted
     */
    boolean add(Cell cell, String surveyId, DailyAggregate delta);

    /**
     * Last step, after the survey is marked AGGREGATED (which stops any retry from adding again): the cell
     * forgets the survey, so it only ever remembers answers in flight. Idempotent.
     */
    void settle(Cell cell, String surveyId);

    /** Every cell of a day, for reports that roll up by agent, team or kind. */
    Map<Cell, DailyAggregate> day(LocalDate day);
}

package io.kefu.shared.survey;

import io.kefu.shared.domain.survey.DailyAggregate;
import java.time.LocalDate;
import java.util.Map;

/** Daily CSAT/NPS counters per (day, survey kind, team, agent) cell. */
public interface AggregateStore {

    /** One reporting cell; team/agent are "-" when the survey had none (post-delivery). */
    record Cell(LocalDate day, String kind, String team, String agent) {}

    /**
     * Add one survey's counts to its cell at most once (the cell remembers which surveys it holds).
     * @return false when that survey was already counted
     */
    boolean add(Cell cell, String surveyId, DailyAggregate delta);

    /** Every cell of a day, for reports that roll up by agent, team or kind. */
    Map<Cell, DailyAggregate> day(LocalDate day);
}

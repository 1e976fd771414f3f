package io.kefu.shared.domain.survey;

/**
 * Running counters for one reporting cell (day, survey kind, team, agent). Reports add cells up
 * instead of reading raw answers; the rates are derived, never stored, so counters can be added
 * atomically.
 */
public record DailyAggregate(long responses, long csatSum, long csat4or5, long npsResponses, long promoters,
                             long detractors) {

    public static final DailyAggregate EMPTY = new DailyAggregate(0, 0, 0, 0, 0, 0);

    /** The increments one answer contributes. */
    public static DailyAggregate of(SurveyAnswer answer) {
        boolean hasNps = answer.nps() != null;
        return new DailyAggregate(1, answer.csat(), Satisfaction.satisfied(answer.csat()) ? 1 : 0,
                hasNps ? 1 : 0,
                hasNps && Satisfaction.promoter(answer.nps()) ? 1 : 0,
                hasNps && Satisfaction.detractor(answer.nps()) ? 1 : 0);
    }

    public DailyAggregate plus(DailyAggregate other) {
        return new DailyAggregate(responses + other.responses, csatSum + other.csatSum, csat4or5 + other.csat4or5,
                npsResponses + other.npsResponses, promoters + other.promoters, detractors + other.detractors);
    }

    public double csatPercent() {
        return Satisfaction.csatPercent(csat4or5, responses);
    }

    public double averageCsat() {
        return responses == 0 ? Double.NaN : (double) csatSum / responses;
    }

    public double nps() {
        return Satisfaction.nps(promoters, detractors, npsResponses);
    }
}

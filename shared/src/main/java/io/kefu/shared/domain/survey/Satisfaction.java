package io.kefu.shared.domain.survey;

/**
 * The industry's definitions: CSAT = share of answers that are 4 or 5; NPS = % promoters (9-10)
 * minus % detractors (0-6), from -100 to 100.
 */
public final class Satisfaction {
    private Satisfaction() {}

    public static boolean satisfied(int csat) {
        return csat >= 4;
    }

    public static boolean promoter(int nps) {
        return nps >= 9;
    }

    public static boolean detractor(int nps) {
        return nps <= 6;
    }

    /** CSAT in percent, or NaN without answers. */
    public static double csatPercent(long satisfied, long responses) {
        return responses == 0 ? Double.NaN : 100.0 * satisfied / responses;
    }

    /** NPS from -100 to 100, or NaN without NPS answers. */
    public static double nps(long promoters, long detractors, long npsResponses) {
        return npsResponses == 0 ? Double.NaN : 100.0 * (promoters - detractors) / npsResponses;
    }
}

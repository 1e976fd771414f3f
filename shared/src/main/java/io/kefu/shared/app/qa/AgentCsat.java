package io.kefu.shared.app.qa;

/** An agent's survey counters over a period, summed from the survey aggregates' daily cells. */
public record AgentCsat(String agentId, long responses, long csatSum, long csat4or5) {
    /** CSAT as managers track it: the share of 4-5 answers, in percent. */
    public double csatPercent() {
        return responses == 0 ? 0 : 100.0 * csat4or5 / responses;
    }

    public AgentCsat plus(AgentCsat o) {
        return new AgentCsat(agentId, responses + o.responses, csatSum + o.csatSum, csat4or5 + o.csat4or5);
    }
}

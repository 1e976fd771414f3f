package io.kefu.shared.domain.survey;

import java.util.Map;

/**
 * What the customer answered, already validated; {@code comment} is already redacted.
 *
 * @param nps null when the customer skipped the NPS question
 */
public record SurveyAnswer(int csat, Integer nps, String comment, Map<Topic, Integer> topicRatings) {
    public SurveyAnswer {
        if (csat < 1 || csat > 5) {
            throw new IllegalArgumentException("csat must be 1-5");
        }
        if (nps != null && (nps < 0 || nps > 10)) {
            throw new IllegalArgumentException("nps must be 0-10");
        }
        topicRatings = topicRatings == null ? Map.of() : Map.copyOf(topicRatings);
    }
}

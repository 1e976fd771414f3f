package io.kefu.shared.domain.qa;

import java.util.List;

/**
 * What a person asks to do to a score. {@code newScore} is required for OVERRIDE and DISPUTE_UPHELD;
 * {@code overturnedRules} are failed rules the lead judges wrongly failed (feeds calibration).
 */
public record ReviewRequest(ReviewAction action, String actor, Integer newScore, String reason, List<String> overturnedRules) {
    public ReviewRequest {
        overturnedRules = overturnedRules == null ? List.of() : List.copyOf(overturnedRules);
    }
}

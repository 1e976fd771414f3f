package io.kefu.shared.domain.survey;

import java.time.Instant;

/**
 * "At most one survey per customer in a window", decided against whoever holds the customer's
 * window now. A higher-priority survey (post-complaint) may take the window from a lower-priority
 * one, but only while that one is still SCHEDULED: what was already sent cannot be unsent.
 */
public final class FatigueRule {
    private FatigueRule() {}

    /** The survey currently holding a customer's window. */
    public record Holder(String surveyId, int priority, Instant windowUntil, SurveyStatus status) {}

    public sealed interface Decision {}

    /** Nobody holds the window (or it is this survey's own claim from an earlier attempt). */
    public record Free() implements Decision {}

    /** Take the window after cancelling the holder's scheduled survey. */
    public record Supersede(String holderSurveyId) implements Decision {}

    public record Blocked(String reason) implements Decision {}

    public static Decision decide(String surveyId, int priority, Instant now, Holder holder) {
        if (holder == null || holder.surveyId().equals(surveyId)) {
            return new Free();
        }
        if (!now.isBefore(holder.windowUntil())) {
            return new Free();
        }
        // A holder that never went out (superseded, cancelled) no longer counts against the customer.
        if (holder.status() == SurveyStatus.SUPERSEDED || holder.status() == SurveyStatus.CANCELLED
                || holder.status() == SurveyStatus.SKIPPED) {
            return new Free();
        }
        if (priority > holder.priority() && holder.status() == SurveyStatus.SCHEDULED) {
            return new Supersede(holder.surveyId());
        }
        return new Blocked(priority > holder.priority()
                ? "fatigue window: survey " + holder.surveyId() + " already " + holder.status()
                : "fatigue window: survey " + holder.surveyId() + " of equal or higher priority until " + holder.windowUntil());
    }
}

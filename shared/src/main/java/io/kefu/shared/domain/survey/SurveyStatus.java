package io.kefu.shared.domain.survey;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a survey. Every arrow is a single-item conditional write, so whoever wins the write
 * does the effect and everybody else (a second dispatcher, a redelivery) backs off.
 *
 * <pre>
 * SCHEDULED -> SENDING -> SENT -> REMINDING -> REMINDED -> EXPIRED
 *     |                    |  \______________________\___-> ANSWERED -> AGGREGATED
 *     +-> SUPERSEDED (a higher-priority survey took the customer's window)
 *     +-> CANCELLED  (the customer opted out before it went out)
 * SKIPPED: never scheduled (opt-out, fatigue window); kept so a resent request is recognised.
 * </pre>
 */
public enum SurveyStatus {
    SKIPPED,
    SCHEDULED,
    SENDING,
    SENT,
    REMINDING,
    REMINDED,
    ANSWERED,
    AGGREGATED,
    EXPIRED,
    SUPERSEDED,
    CANCELLED;

    /** States in which the customer holds a live link (SENDING: the message may already be out). */
    public static final Set<SurveyStatus> ANSWERABLE = EnumSet.of(SENDING, SENT, REMINDING, REMINDED);

    public boolean answered() {
        return this == ANSWERED || this == AGGREGATED;
    }
}

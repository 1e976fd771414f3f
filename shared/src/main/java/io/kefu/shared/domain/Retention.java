package io.kefu.shared.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long each kind of stored item is kept: the one place the repositories take their DynamoDB {@code ttl}
 * from (docs/architecture.md, "Retention"). TTL deletes an item some time (up to days) after its {@code ttl};
 * an item without one is kept for ever on purpose (customer preferences and opt-outs, the QA team registry).
 */
public enum Retention {
    /** Scores, their rule-failure index items and reviews: a year of reports plus a month (year-on-year views). */
    QA_SCORE(Duration.ofDays(400)),
    /** A shipment's state, from its last event: long after delivery, returns and late scans are done. */
    SHIPMENT(Duration.ofDays(90)),
    /** A care case, from its detection: the incident, its notices and offers, for complaints and audits. */
    CARE_CASE(Duration.ofDays(180)),
    /** The proactive-notice cap per customer, from the last notice: only the cap window matters, plus a day. */
    CUSTOMER_CAP(Duration.ofDays(2)),
    /** A survey once it is final (answered, expired, cancelled, superseded), from then. */
    SURVEY(Duration.ofDays(180)),
    /** A survey token, from the survey's expiry: answers after that are refused anyway. */
    SURVEY_TOKEN(Duration.ofDays(30)),
    /** A customer's fatigue-window item, from the window's end. */
    SURVEY_FATIGUE(Duration.ofDays(1));

    private final Duration keep;

    Retention(Duration keep) {
        this.keep = keep;
    }

    public Duration keep() {
        return keep;
    }

    /** The moment an item of this kind may go, counted from {@code from}. */
    public Instant expiry(Instant from) {
        return from.plus(keep);
    }
}

package io.kefu.shared.domain.survey;

import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about surveys that a manager may want to tune, loaded from
 * {@code survey/survey-policy.yaml} (see docs/survey-policy.md). Pure: callers pass the clock's now.
 *
 * @param fatigueWindow at most one survey per customer in this window (counted from the survey's due time)
 * @param expireAfter   an unanswered survey stops accepting answers this long after it was sent
 * @param reminderAfter when non-null, one reminder this long after sending (never a second one)
 * @param lookahead     the dispatcher sends surveys due within this horizon, with SQS DelaySeconds
 * @param dueShards     number of DueByTime partitions (spreads hot writes; the dispatcher queries each)
 * @param reportingZone the zone whose calendar day the aggregates are kept by
 */
public record SurveyPolicy(
        int version,
        Duration fatigueWindow,
        Duration expireAfter,
        Duration reminderAfter,
        Duration lookahead,
        int dueShards,
        ZoneId reportingZone,
        String linkBase,
        LowScoreRule lowScore,
        Map<SurveyKind, KindRules> kinds) {

    /** SQS's DelaySeconds ceiling; the look-ahead must stay under it. */
    public static final Duration MAX_SQS_DELAY = Duration.ofMinutes(15);

    public SurveyPolicy {
        Objects.requireNonNull(fatigueWindow, "fatigueWindow");
        Objects.requireNonNull(expireAfter, "expireAfter");
        Objects.requireNonNull(lookahead, "lookahead");
        Objects.requireNonNull(reportingZone, "reportingZone");
        Objects.requireNonNull(linkBase, "linkBase");
        Objects.requireNonNull(lowScore, "lowScore");
        if (reminderAfter != null && reminderAfter.compareTo(expireAfter) >= 0) {
            throw new IllegalArgumentException("reminder.after must be shorter than expireAfter");
        }
        if (lookahead.isNegative() || lookahead.compareTo(MAX_SQS_DELAY) > 0) {
            throw new IllegalArgumentException("lookahead must be between 0 and 15 minutes (SQS DelaySeconds)");
        }
        if (dueShards < 1 || dueShards > 64) {
            throw new IllegalArgumentException("dueShards must be 1..64");
        }
        kinds = new EnumMap<>(kinds);
        for (SurveyKind kind : SurveyKind.values()) {
            if (!kinds.containsKey(kind)) {
                throw new IllegalArgumentException("no rules for survey kind " + kind);
            }
        }
        kinds = Map.copyOf(kinds);
    }

    /** Per-kind rules: how long to wait, how much it matters, how to reach the customer, what to say. */
    public record KindRules(
            Duration delay,
            int priority,
            List<Channel> channels,
            List<Topic> topics,
            Map<String, String> text,
            Map<String, String> reminderText) {

        public KindRules {
            Objects.requireNonNull(delay, "delay");
            if (channels == null || channels.isEmpty()) {
                throw new IllegalArgumentException("a survey kind needs at least one channel");
            }
            if (text == null || !text.containsKey("zh-CN")) {
                throw new IllegalArgumentException("a survey kind needs zh-CN text");
            }
            channels = List.copyOf(channels);
            topics = topics == null ? List.of() : List.copyOf(topics);
            text = Map.copyOf(text);
            reminderText = reminderText == null ? text : Map.copyOf(reminderText);
        }

        public String text(String locale, boolean reminder) {
            Map<String, String> source = reminder ? reminderText : text;
            return locale != null && locale.toLowerCase().startsWith("en") && source.containsKey("en")
                    ? source.get("en") : source.get("zh-CN");
        }
    }

    /** A score at or below either threshold opens a follow-up case for a supervisor. */
    public record LowScoreRule(int csatAtMost, int npsAtMost) {
        public boolean isLow(int csat, Integer nps) {
            return csat <= csatAtMost || (nps != null && nps <= npsAtMost);
        }
    }

    public KindRules rules(SurveyKind kind) {
        return kinds.get(kind);
    }

    public boolean remindersEnabled() {
        return reminderAfter != null;
    }

    /**
     * When the survey goes out: the kind's delay after the event, never in the past, and never
     * inside the customer's quiet hours (shifted to their end, not dropped).
     */
    public Instant sendTime(SurveyKind kind, Instant occurredAt, Instant now, CustomerPreferences customer) {
        Instant wanted = occurredAt.plus(rules(kind).delay());
        if (wanted.isBefore(now)) {
            wanted = now;
        }
        return customer.quietHours().nextAllowed(wanted, customer.zone());
    }

    /** The one reminder's time (quiet hours respected), or null when reminders are off or it would come too late. */
    public Instant reminderTime(Instant sentAt, CustomerPreferences customer) {
        if (reminderAfter == null) {
            return null;
        }
        Instant at = customer.quietHours().nextAllowed(sentAt.plus(reminderAfter), customer.zone());
        return at.isBefore(expiryTime(sentAt)) ? at : null;
    }

    public Instant expiryTime(Instant sentAt) {
        return sentAt.plus(expireAfter);
    }

    /**
     * The channel: the one the request asked for if this kind allows it, else the customer's own, else
     * the kind's first choice (a post-chat survey belongs in the chat, whatever the customer's default).
     */
    public Channel channel(SurveyKind kind, Channel requested, CustomerPreferences customer) {
        List<Channel> allowed = rules(kind).channels();
        if (requested != null && allowed.contains(requested)) {
            return requested;
        }
        if (allowed.contains(customer.channel())) {
            return customer.channel();
        }
        return allowed.get(0);
    }
}

package io.kefu.shared.survey;

import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.survey.ResponseToken;
import io.kefu.shared.domain.survey.Survey;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.domain.survey.SurveyMessageText;
import io.kefu.shared.domain.survey.SurveyPolicy;
import io.kefu.shared.effects.Invocation;
import io.kefu.shared.effects.Lease;
import io.kefu.shared.effects.ScheduledBatch;
import io.kefu.shared.runtime.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One dispatcher run: for every survey whose next action is due (DueByTime index, every shard),
 * win the conditional transition first, then do the effect, then record it.
 *
 * <p>Send = SCHEDULED -> SENDING (a {@link Lease} ending with the invocation) -> publish with key "survey:"+id -> SENT. A crash after the
 * publish leaves SENDING; a send that fails with an error hands the lease back (the next run retries), a
 * dispatcher that dies leaves it to run out; either way the next run sends again with the same key, which
 * the gateway drops if the first one got through: at-least-once plus a key = exactly once for the
 * customer. Two dispatchers at once: only one wins SCHEDULED -> SENDING.
 */
public final class DispatchDueSurveysService {
    /** Per shard and run: 4 shards x 500 = 2,000 actions a minute before a backlog carries to the next run. */
    private static final int PAGE = 500;
    /** No new survey with less than this left of the invocation. */
    private static final Duration RESERVE = Duration.ofSeconds(5);

    private final SurveyPolicy policy;
    private final SurveyStore store;
    private final Outbox outbox;
    private final Function<String, CustomerPreferences> preferences;
    private final Clock clock;
    private final EventLog log;

    public DispatchDueSurveysService(SurveyPolicy policy, SurveyStore store, Outbox outbox,
                                     Function<String, CustomerPreferences> preferences, Clock clock, EventLog log) {
        this.policy = policy;
        this.store = store;
        this.outbox = outbox;
        this.preferences = preferences;
        this.clock = clock;
        this.log = log;
    }

    /** What one run did; the handler returns it as the schedule invocation's result. */
    public record Summary(int sent, int reminded, int expired, int retried, int cancelled, int deferred, int failed) {
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("sent", sent);
            map.put("reminded", reminded);
            map.put("expired", expired);
            map.put("retried", retried);
            map.put("cancelled", cancelled);
            map.put("deferred", deferred);
            map.put("failed", failed);
            return map;
        }
    }

    private final class Tally {
        int sent, reminded, expired, retried, cancelled, deferred, failed;
    }

    /** Without a Lambda context (tests): a full default timeout. */
    public Summary run() {
        return run(Invocation.fresh(clock));
    }

    /**
     * Every shard's due page through one {@link ScheduledBatch}: a survey that fails is logged and stays due
     * for the next minute, the others go on; no new survey once less than {@link #RESERVE} is left.
     */
    public Summary run(Invocation invocation) {
        Instant now = clock.instant();
        Instant horizon = now.plus(policy.lookahead());
        Tally tally = new Tally();
        ScheduledBatch batch = new ScheduledBatch("survey.dispatch", invocation, PAGE, RESERVE, clock, log);
        for (int shard = 0; shard < policy.dueShards(); shard++) {
            int s = shard;
            batch.page(limit -> store.dueBy(s, horizon, limit), Survey::surveyId,
                    survey -> act(survey, now, horizon, invocation, tally));
        }
        tally.failed = batch.failed();
        Summary summary = new Summary(tally.sent, tally.reminded, tally.expired, tally.retried, tally.cancelled, tally.deferred,
                tally.failed);
        Map<String, Object> logged = new LinkedHashMap<>(summary.asMap());
        logged.putAll(batch.summary());
        log.info("survey.dispatch_run", logged);
        return summary;
    }

    private void act(Survey survey, Instant now, Instant horizon, Invocation invocation, Tally tally) {
        switch (survey.status()) {
            case SCHEDULED -> send(survey, now, false, invocation, tally);
            case SENDING -> {
                if (survey.leaseUntil() == null || survey.leaseUntil().isBefore(now)) { // ran out, or handed back
                    send(survey, now, true, invocation, tally);
                }
            }
            case SENT, REMINDING -> {
                if (survey.expiresAt() != null && !survey.expiresAt().isAfter(now)) {
                    expire(survey, now, tally);
                } else if (survey.remindAt() != null && !survey.remindAt().isAfter(horizon)) {
                    remind(survey, now, horizon, invocation, tally);
                }
            }
            case REMINDED -> {
                if (survey.expiresAt() != null && !survey.expiresAt().isAfter(now)) {
                    expire(survey, now, tally);
                }
            }
            default -> { } // answered, expired, cancelled: the index should not hold them; nothing to do
        }
    }

    private void send(Survey survey, Instant now, boolean retry, Invocation invocation, Tally tally) {
        CustomerPreferences customer = preferences.apply(survey.customerId());
        if (customer.surveyOptOut() && !retry) {
            if (store.cancel(survey.surveyId(), "customer opted out before sending")) {
                tally.cancelled++;
            }
            return;
        }
        Instant visibleAt = survey.dueAt().isAfter(now) ? survey.dueAt() : now;
        Instant allowed = customer.quietHours().nextAllowed(visibleAt, customer.zone());
        if (!retry && allowed.isAfter(visibleAt)) {
            // Quiet hours were applied at scheduling; the customer changed theirs since. Shift, never drop.
            if (store.reschedule(survey.surveyId(), allowed)) {
                tally.deferred++;
            }
            return;
        }
        Instant expiresAt = policy.expiryTime(visibleAt);
        boolean[] recorded = new boolean[1];
        Lease lease = invocation.lease(now);
        boolean mine = lease.run(l -> store.claimSend(survey.surveyId(), now, l), () -> {
            String token = newToken(survey, expiresAt);
            outbox.sendToCustomer(message(survey, SurveyIds.sendKey(survey.surveyId()), "SURVEY", token, false, now),
                    Duration.between(now, visibleAt));
            recorded[0] = store.completeSend(survey.surveyId(), lease, visibleAt,
                    policy.reminderTime(visibleAt, customer), expiresAt);
        }, l -> store.releaseLease(survey.surveyId(), l, now));
        if (!mine) {
            return; // another dispatcher has it
        }
        if (retry) {
            tally.retried++;
        } else {
            tally.sent++;
        }
        log.info("survey.sent", Map.of("surveyId", survey.surveyId(), "retry", retry, "recorded", recorded[0],
                "visibleAt", visibleAt.toString()));
    }

    private void remind(Survey survey, Instant now, Instant horizon, Invocation invocation, Tally tally) {
        Instant visibleAt = survey.remindAt().isAfter(now) ? survey.remindAt() : now;
        Lease lease = invocation.lease(now);
        boolean mine = lease.run(l -> store.claimReminder(survey.surveyId(), now, horizon, l), () -> {
            String token = newToken(survey, survey.expiresAt());
            outbox.sendToCustomer(message(survey, SurveyIds.reminderKey(survey.surveyId()), "SURVEY_REMINDER", token,
                    true, now), Duration.between(now, visibleAt));
            store.completeReminder(survey.surveyId(), lease, visibleAt);
        }, l -> store.releaseLease(survey.surveyId(), l, now));
        if (mine) {
            tally.reminded++;
            log.info("survey.reminded", Map.of("surveyId", survey.surveyId()));
        }
    }

    private void expire(Survey survey, Instant now, Tally tally) {
        if (store.expire(survey.surveyId(), now)) {
            tally.expired++;
            log.info("survey.expired", Map.of("surveyId", survey.surveyId()));
        }
    }

    /**
     * Each send attempt gets its own token; a retry's token may be the one that never reaches the
     * customer (the gateway drops the repeated key), which is harmless: any token answers the survey
     * only once.
     */
    private String newToken(Survey survey, Instant expiresAt) {
        String token = ResponseToken.generate();
        store.saveToken(ResponseToken.hash(token), survey.surveyId(), survey.customerId(), expiresAt);
        return token;
    }

    private OutboundMessage message(Survey survey, String key, String kind, String token, boolean reminder, Instant now) {
        return new OutboundMessage(OutboundMessage.VERSION, key, kind, survey.customerId(), survey.channel(),
                survey.locale(), SurveyMessageText.body(policy, survey, token, reminder), survey.surveyId(), now);
    }
}

package io.kefu.shared.survey;

import io.kefu.shared.effects.MessageMeta;
import io.kefu.shared.contract.SurveyRequest;
import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.survey.FatigueRule;
import io.kefu.shared.domain.survey.Survey;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.domain.survey.SurveyKind;
import io.kefu.shared.domain.survey.SurveyPolicy;
import io.kefu.shared.domain.survey.SurveyStatus;
import io.kefu.shared.effects.PayloadHash;
import io.kefu.shared.effects.Repeat;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.runtime.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a survey request into a stored survey: SCHEDULED with its due time, or SKIPPED with the
 * reason (opted out, fatigue window). The survey id is derived from the request id, so a resent
 * request finds its survey and changes nothing.
 *
 * <p>Order of writes, each safe to repeat after a crash: (1) supersede a lower-priority holder,
 * (2) claim the customer's window, (3) insert the survey. A retry finds its own claim on the window
 * and goes straight to (3).
 */
public final class ScheduleSurveyService {
    private static final int WINDOW_ATTEMPTS = 3;

    private final SurveyPolicy policy;
    private final SurveyStore store;
    private final Function<String, CustomerPreferences> preferences;
    private final Clock clock;
    private final EventLog log;

    public ScheduleSurveyService(SurveyPolicy policy, SurveyStore store,
                                 Function<String, CustomerPreferences> preferences, Clock clock, EventLog log) {
        this.policy = policy;
        this.store = store;
        this.preferences = preferences;
        this.clock = clock;
        this.log = log;
    }

    public void handle(SurveyRequest request, MessageMeta meta) {
        String surveyId = SurveyIds.surveyId(request.requestId());
        String hash = PayloadHash.of(request);
        if (store.find(surveyId).isPresent()) {
            duplicate(surveyId, hash, meta);
            return;
        }
        Instant now = clock.instant();
        SurveyKind kind = SurveyKind.valueOf(request.kind());
        CustomerPreferences customer = preferences.apply(request.customerId());
        Channel channel = policy.channel(kind, request.channel() == null ? null : Channel.valueOf(request.channel()), customer);
        Instant dueAt = policy.sendTime(kind, request.occurredAt(), now, customer);
        Survey planned = new Survey(surveyId, request.requestId(), kind, SurveyStatus.SCHEDULED, request.customerId(),
                request.subjectId(), request.orderId(), request.agentId(), request.team(),
                request.locale() != null ? request.locale() : customer.locale(), channel,
                request.occurredAt(), dueAt, null, null, null, null, null);

        if (customer.surveyOptOut()) {
            skip(planned, "customer opted out of surveys", hash, meta);
            return;
        }
        int priority = policy.rules(kind).priority();
        FatigueRule.Holder mine = new FatigueRule.Holder(surveyId, priority, dueAt.plus(policy.fatigueWindow()),
                SurveyStatus.SCHEDULED);
        for (int attempt = 0; attempt < WINDOW_ATTEMPTS; attempt++) {
            FatigueRule.Holder holder = store.windowHolder(request.customerId()).orElse(null);
            FatigueRule.Decision decision = FatigueRule.decide(surveyId, priority, now, holder);
            if (decision instanceof FatigueRule.Blocked blocked) {
                skip(planned, blocked.reason(), hash, meta);
                return;
            }
            if (decision instanceof FatigueRule.Supersede supersede && !store.supersede(supersede.holderSurveyId(), surveyId)) {
                continue; // the holder moved on (sent, or superseded by someone else): decide again
            }
            boolean ownClaim = holder != null && holder.surveyId().equals(surveyId);
            if (ownClaim || store.claimWindow(request.customerId(), holder == null ? null : holder.surveyId(), mine)) {
                if (decision instanceof FatigueRule.Supersede s) {
                    log.info("survey.superseded", Map.of("surveyId", s.holderSurveyId(), "by", surveyId));
                }
                insert(planned, hash, meta);
                return;
            }
        }
        // Another request for the same customer keeps winning the window; SQS retries us later.
        throw new IllegalStateException("customer survey window contended for " + surveyId);
    }

    private void insert(Survey survey, String hash, MessageMeta meta) {
        if (!store.create(survey, hash)) {
            duplicate(survey.surveyId(), hash, meta); // a concurrent copy got there first
            return;
        }
        log.info("survey.scheduled", Map.of("surveyId", survey.surveyId(), "kind", survey.kind().name(),
                "dueAt", survey.dueAt().toString(), "messageId", meta.messageId()));
    }

    /**
     * The requestId is known: an identical copy is a no-op; other content under a reused requestId is parked as
     * a conflicting duplicate (the first request stands) and logged at WARN.
     */
    private void duplicate(String surveyId, String hash, MessageMeta meta) {
        if (Repeat.of(store.requestHash(surveyId).orElse(null), hash) == Repeat.CONFLICT) {
            log.warn("survey.conflicting_request", Map.of("surveyId", surveyId, "messageId", meta.messageId()));
            throw new InvalidMessageException("requestId", "conflicting duplicate: requestId already used for a"
                    + " different request (survey " + surveyId + "); use a new requestId");
        }
        log.info("survey.duplicate_request", Map.of("surveyId", surveyId, "messageId", meta.messageId()));
    }

    private void skip(Survey planned, String reason, String hash, MessageMeta meta) {
        Survey skipped = new Survey(planned.surveyId(), planned.requestId(), planned.kind(), SurveyStatus.SKIPPED,
                planned.customerId(), planned.subjectId(), planned.orderId(), planned.agentId(), planned.team(),
                planned.locale(), planned.channel(), planned.requestedAt(), planned.dueAt(), null, null, null, null,
                reason);
        if (!store.create(skipped, hash)) {
            duplicate(planned.surveyId(), hash, meta);
            return;
        }
        log.info("survey.skipped", Map.of("surveyId", planned.surveyId(), "reason", reason, "messageId", meta.messageId()));
    }
}

package io.kefu.shared.survey;

import io.kefu.shared.effects.MessageMeta;
import io.kefu.shared.contract.LowScoreFollowUp;
import io.kefu.shared.contract.SurveyResponseMessage;
import io.kefu.shared.domain.survey.DailyAggregate;
import io.kefu.shared.domain.survey.ResponseToken;
import io.kefu.shared.domain.survey.Survey;
import io.kefu.shared.domain.survey.SurveyAnswer;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.domain.survey.SurveyKind;
import io.kefu.shared.domain.survey.SurveyPolicy;
import io.kefu.shared.domain.survey.SurveyStatus;
import io.kefu.shared.domain.survey.Topic;
import io.kefu.shared.effects.PayloadHash;
import io.kefu.shared.effects.Repeat;
import io.kefu.shared.effects.Steps;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.privacy.PiiRedactor;
import io.kefu.shared.runtime.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records one answer: token -> survey, one conditional write to ANSWERED (only the first answer
 * wins), then the effects (aggregate counters, a low-score follow-up), then ANSWERED -> AGGREGATED.
 * A redelivery of the same SQS message finds ANSWERED and finishes the effects; the aggregate cell
 * remembers the surveys it is counting until they are AGGREGATED, so the counters never move twice and the
 * cell does not grow with every answer.
 *
 * <p>The answer's payload hash is stored with it: a resent identical copy of the answer (a new SQS
 * message, the same content) is a no-op success; the same token with a different answer is parked as a
 * conflicting duplicate ({@code token already used}), logged at WARN.
 */
public final class RecordSurveyResponseService {
    private final SurveyPolicy policy;
    private final SurveyStore store;
    private final AggregateStore aggregates;
    private final Outbox outbox;
    private final Clock clock;
    private final EventLog log;

    public RecordSurveyResponseService(SurveyPolicy policy, SurveyStore store, AggregateStore aggregates, Outbox outbox,
                                       Clock clock, EventLog log) {
        this.policy = policy;
        this.store = store;
        this.aggregates = aggregates;
        this.outbox = outbox;
        this.clock = clock;
        this.log = log;
    }

    public void handle(SurveyResponseMessage message, MessageMeta meta) {
        Instant now = clock.instant();
        String hash = PayloadHash.of(message);
        SurveyStore.TokenOwner owner = store.findToken(ResponseToken.hash(message.token()))
                .orElseThrow(() -> rejected(meta, null, "unknown token"));
        Survey survey = store.find(owner.surveyId())
                .filter(s -> s.customerId().equals(owner.customerId()))
                .orElseThrow(() -> rejected(meta, owner.surveyId(), "token does not match a survey"));

        if (!survey.status().answered()) {
            reject(survey, now, meta);
            SurveyAnswer answer = new SurveyAnswer(message.csat(), message.nps(),
                    PiiRedactor.redact(message.comment()), topics(message.topicRatings()));
            if (store.recordAnswer(survey.surveyId(), answer, now, meta.messageId(), hash, now)) {
                log.info("survey.answered", Map.of("surveyId", survey.surveyId(), "messageId", meta.messageId(),
                        "csat", answer.csat()));
                RecordedAnswer recorded = new RecordedAnswer(answer, now, meta.messageId(), hash);
                finish(survey, recorded);
                aggregates.settle(cell(survey, recorded), survey.surveyId());
                return;
            }
            survey = store.find(survey.surveyId()).orElseThrow();
            if (!survey.status().answered()) {
                reject(survey, now, meta);
                throw new IllegalStateException("answer for " + survey.surveyId() + " lost a race; retrying");
            }
        }
        RecordedAnswer recorded = store.answer(survey.surveyId()).orElseThrow();
        if (!recorded.sourceMessageId().equals(meta.messageId())) {
            // no stored hash (answered before hashes were kept): cannot tell a resend from a replay, so refuse
            if (recorded.payloadHash() == null || Repeat.of(recorded.payloadHash(), hash) == Repeat.CONFLICT) {
                throw rejected(meta, survey.surveyId(), "token already used: survey answered at " + recorded.answeredAt()
                        + " with a different answer");
            }
            log.info("survey.answer_resent", Map.of("surveyId", survey.surveyId(), "messageId", meta.messageId(),
                    "firstMessageId", recorded.sourceMessageId()));
        }
        Survey answered = survey;
        Steps.first("count-and-follow-up", () -> answered.status() != SurveyStatus.ANSWERED, () -> finish(answered, recorded))
                // always: a crash may have come between AGGREGATED and the cell forgetting the survey
                .then("settle", () -> false, () -> aggregates.settle(cell(answered, recorded), answered.surveyId()))
                .run();
    }

    /** Throws the reason a survey cannot take an answer now, if there is one. */
    private void reject(Survey survey, Instant now, MessageMeta meta) {
        if (survey.status() == SurveyStatus.EXPIRED || (survey.expiresAt() != null && !now.isBefore(survey.expiresAt()))) {
            throw rejected(meta, survey.surveyId(), "survey expired at " + survey.expiresAt());
        }
        if (!SurveyStatus.ANSWERABLE.contains(survey.status())) {
            throw rejected(meta, survey.surveyId(), "survey is " + survey.status() + " and takes no answers");
        }
    }

    private void finish(Survey survey, RecordedAnswer recorded) {
        SurveyAnswer answer = recorded.answer();
        boolean counted = aggregates.add(cell(survey, recorded), survey.surveyId(), DailyAggregate.of(answer));
        boolean low = policy.lowScore().isLow(answer.csat(), answer.nps());
        if (low) {
            outbox.openFollowUp(followUp(survey, recorded));
        }
        store.markAggregated(survey.surveyId());
        log.info("survey.aggregated", Map.of("surveyId", survey.surveyId(), "counted", counted, "lowScore", low));
    }

    private AggregateStore.Cell cell(Survey survey, RecordedAnswer recorded) {
        return new AggregateStore.Cell(recorded.answeredAt().atZone(policy.reportingZone()).toLocalDate(),
                survey.kind().name(), orDash(survey.team()), orDash(survey.agentId()));
    }

    private LowScoreFollowUp followUp(Survey survey, RecordedAnswer recorded) {
        SurveyAnswer answer = recorded.answer();
        Map<String, Integer> topics = new LinkedHashMap<>();
        answer.topicRatings().forEach((topic, rating) -> topics.put(topic.name(), rating));
        return new LowScoreFollowUp(LowScoreFollowUp.VERSION, SurveyIds.lowScoreFollowUpId(survey.surveyId()),
                LowScoreFollowUp.KIND, survey.surveyId(), survey.kind().name(), survey.customerId(), survey.subjectId(),
                survey.kind() == SurveyKind.POST_CHAT ? survey.subjectId() : null, survey.orderId(),
                survey.agentId(), survey.team(), answer.csat(), answer.nps(), topics, answer.comment(),
                recorded.answeredAt(), clock.instant());
    }

    private InvalidMessageException rejected(MessageMeta meta, String surveyId, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", meta.messageId());
        fields.put("reason", reason);
        if (surveyId != null) {
            fields.put("surveyId", surveyId);
        }
        log.warn("survey.response_rejected", fields);
        return new InvalidMessageException("token", reason);
    }

    private static Map<Topic, Integer> topics(Map<String, Integer> ratings) {
        Map<Topic, Integer> out = new EnumMap<>(Topic.class);
        if (ratings != null) {
            ratings.forEach((topic, rating) -> out.put(Topic.valueOf(topic), rating));
        }
        return out;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}

package io.kefu.shared.survey;

import io.kefu.shared.domain.survey.FatigueRule;
import io.kefu.shared.domain.survey.Survey;
import io.kefu.shared.domain.survey.SurveyAnswer;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.domain.survey.SurveyStatus;
import io.kefu.shared.effects.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SurveyStore contract in memory, with the same conditions as the DynamoDB adapter; each method
 * is synchronized, as one DynamoDB conditional write is atomic.
 */
final class InMemorySurveyStore implements SurveyStore {
    private final Map<String, Survey> surveys = new HashMap<>();
    private final Map<String, RecordedAnswer> answers = new HashMap<>();
    private final Map<String, Instant> nextAction = new HashMap<>();
    private final Map<String, FatigueRule.Holder> windows = new HashMap<>();
    private final Map<String, TokenOwner> tokens = new HashMap<>();
    private final int shards;

    InMemorySurveyStore(int shards) {
        this.shards = shards;
    }

    synchronized List<Survey> all() {
        return new ArrayList<>(surveys.values());
    }

    synchronized int tokenCount() {
        return tokens.size();
    }

    @Override
    public synchronized Optional<Survey> find(String surveyId) {
        return Optional.ofNullable(surveys.get(surveyId));
    }

    @Override
    public synchronized Optional<RecordedAnswer> answer(String surveyId) {
        return Optional.ofNullable(answers.get(surveyId));
    }

    private final Map<String, String> requestHashes = new java.util.HashMap<>();

    @Override
    public synchronized Optional<String> requestHash(String surveyId) {
        return Optional.ofNullable(requestHashes.get(surveyId));
    }

    @Override
    public synchronized boolean create(Survey survey, String requestHash) {
        if (surveys.containsKey(survey.surveyId())) {
            return false;
        }
        if (requestHash != null) {
            requestHashes.put(survey.surveyId(), requestHash);
        }
        surveys.put(survey.surveyId(), survey);
        if (survey.status() == SurveyStatus.SCHEDULED) {
            nextAction.put(survey.surveyId(), survey.dueAt());
        }
        return true;
    }

    @Override
    public synchronized Optional<FatigueRule.Holder> windowHolder(String customerId) {
        FatigueRule.Holder h = windows.get(customerId);
        if (h == null) {
            return Optional.empty();
        }
        SurveyStatus status = find(h.surveyId()).map(Survey::status).orElse(SurveyStatus.SCHEDULED);
        return Optional.of(new FatigueRule.Holder(h.surveyId(), h.priority(), h.windowUntil(), status));
    }

    @Override
    public synchronized boolean claimWindow(String customerId, String expectedHolderId, FatigueRule.Holder next) {
        FatigueRule.Holder current = windows.get(customerId);
        boolean ok = expectedHolderId == null ? current == null
                : current != null && current.surveyId().equals(expectedHolderId);
        if (ok) {
            windows.put(customerId, next);
        }
        return ok;
    }

    private boolean move(String id, SurveyStatus to, java.util.function.Predicate<Survey> condition,
                         java.util.function.UnaryOperator<Survey> change, Instant next) {
        Survey s = surveys.get(id);
        if (s == null || !condition.test(s)) {
            return false;
        }
        surveys.put(id, change.apply(s).withStatus(to));
        if (next == null) {
            nextAction.remove(id);
        } else {
            nextAction.put(id, next);
        }
        return true;
    }

    private static Survey with(Survey s, Instant sentAt, Instant remindAt, Instant expiresAt, Instant lease) {
        return new Survey(s.surveyId(), s.requestId(), s.kind(), s.status(), s.customerId(), s.subjectId(), s.orderId(),
                s.agentId(), s.team(), s.locale(), s.channel(), s.requestedAt(), s.dueAt(), sentAt, remindAt,
                expiresAt, lease, s.skipReason());
    }

    @Override
    public synchronized boolean supersede(String surveyId, String bySurveyId) {
        return move(surveyId, SurveyStatus.SUPERSEDED, s -> s.status() == SurveyStatus.SCHEDULED, s -> s, null);
    }

    @Override
    public synchronized boolean cancel(String surveyId, String reason) {
        return move(surveyId, SurveyStatus.CANCELLED, s -> s.status() == SurveyStatus.SCHEDULED, s -> s, null);
    }

    @Override
    public synchronized List<Survey> dueBy(int shard, Instant horizon, int limit) {
        return nextAction.entrySet().stream()
                .filter(e -> SurveyIds.dueShard(e.getKey(), shards) == shard && !e.getValue().isAfter(horizon))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(limit).map(e -> surveys.get(e.getKey())).toList();
    }

    @Override
    public synchronized boolean reschedule(String surveyId, Instant dueAt) {
        return move(surveyId, SurveyStatus.SCHEDULED, s -> s.status() == SurveyStatus.SCHEDULED,
                s -> new Survey(s.surveyId(), s.requestId(), s.kind(), s.status(), s.customerId(), s.subjectId(),
                        s.orderId(), s.agentId(), s.team(), s.locale(), s.channel(), s.requestedAt(), dueAt, null, null,
                        null, null, s.skipReason()), dueAt);
    }

    @Override
    public synchronized boolean claimSend(String surveyId, Instant now, Lease lease) {
        Instant leaseUntil = lease.until();
        return move(surveyId, SurveyStatus.SENDING,
                s -> s.status() == SurveyStatus.SCHEDULED
                        || (s.status() == SurveyStatus.SENDING && (s.leaseUntil() == null || s.leaseUntil().isBefore(now))),
                s -> with(s, s.sentAt(), s.remindAt(), s.expiresAt(), leaseUntil), leaseUntil);
    }

    @Override
    public synchronized void releaseLease(String surveyId, Lease lease, Instant now) {
        Survey current = surveys.get(surveyId);
        if (current != null) {
            move(surveyId, current.status(), s -> lease.until().equals(s.leaseUntil()),
                    s -> with(s, s.sentAt(), s.remindAt(), s.expiresAt(), null), now);
        }
    }

    @Override
    public synchronized boolean completeSend(String surveyId, Lease lease, Instant sentAt, Instant remindAt,
                                             Instant expiresAt) {
        Instant leaseUntil = lease.until();
        return move(surveyId, SurveyStatus.SENT,
                s -> s.status() == SurveyStatus.SENDING && leaseUntil.equals(s.leaseUntil()),
                s -> with(s, sentAt, remindAt, expiresAt, null), remindAt != null ? remindAt : expiresAt);
    }

    @Override
    public synchronized boolean claimReminder(String surveyId, Instant now, Instant horizon, Lease lease) {
        Instant leaseUntil = lease.until();
        return move(surveyId, SurveyStatus.REMINDING,
                s -> (s.status() == SurveyStatus.SENT && s.remindAt() != null && !s.remindAt().isAfter(horizon))
                        || (s.status() == SurveyStatus.REMINDING && (s.leaseUntil() == null || s.leaseUntil().isBefore(now))),
                s -> with(s, s.sentAt(), s.remindAt(), s.expiresAt(), leaseUntil), leaseUntil);
    }

    @Override
    public synchronized boolean completeReminder(String surveyId, Lease lease, Instant remindedAt) {
        Instant leaseUntil = lease.until();
        Survey current = surveys.get(surveyId);
        return move(surveyId, SurveyStatus.REMINDED,
                s -> s.status() == SurveyStatus.REMINDING && leaseUntil.equals(s.leaseUntil()),
                s -> with(s, s.sentAt(), s.remindAt(), s.expiresAt(), null), current == null ? null : current.expiresAt());
    }

    @Override
    public synchronized boolean expire(String surveyId, Instant now) {
        return move(surveyId, SurveyStatus.EXPIRED,
                s -> s.expiresAt() != null && !s.expiresAt().isAfter(now)
                        && (s.status() == SurveyStatus.SENT || s.status() == SurveyStatus.REMINDED
                        || (s.status() == SurveyStatus.REMINDING && (s.leaseUntil() == null || s.leaseUntil().isBefore(now)))),
                s -> s, null);
    }

    @Override
    public synchronized boolean recordAnswer(String surveyId, SurveyAnswer answer, Instant answeredAt,
                                             String sourceMessageId, String payloadHash, Instant now) {
        boolean won = move(surveyId, SurveyStatus.ANSWERED,
                s -> SurveyStatus.ANSWERABLE.contains(s.status()) && (s.expiresAt() == null || s.expiresAt().isAfter(now)),
                s -> with(s, s.sentAt(), s.remindAt(), s.expiresAt(), null), null);
        if (won) {
            answers.put(surveyId, new RecordedAnswer(answer, answeredAt, sourceMessageId, payloadHash));
        }
        return won;
    }

    @Override
    public synchronized boolean markAggregated(String surveyId) {
        return move(surveyId, SurveyStatus.AGGREGATED, s -> s.status() == SurveyStatus.ANSWERED, s -> s, null);
    }

    @Override
    public synchronized void saveToken(String tokenHash, String surveyId, String customerId, Instant expiresAt) {
        if (tokens.putIfAbsent(tokenHash, new TokenOwner(surveyId, customerId)) != null) {
            throw new IllegalStateException("token collision");
        }
    }

    @Override
    public synchronized Optional<TokenOwner> findToken(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }
}

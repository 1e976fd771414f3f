package io.kefu.shared.app.qa;

import io.kefu.shared.effects.MessageMeta;
import io.kefu.shared.contract.PromiseFollowUp;
import io.kefu.shared.contract.SurveyRequest;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.Promise;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.effects.PayloadHash;
import io.kefu.shared.effects.Repeat;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.privacy.ChatLine;
import io.kefu.shared.privacy.PiiRedactor;
import io.kefu.shared.runtime.EventLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Score a closed chat, store it once, emit its follow-ups and survey request.
 *
 * <p>Exactly-once without transactions, in this order:
 * <ol>
 *   <li>read the transcript's stored scores: this rulebook version already there = a duplicate, done;</li>
 *   <li>score (pure, deterministic: a retry computes the same thing);</li>
 *   <li>send follow-up tasks and, on the transcript's first score, the survey request, each with a
 *       deterministic id;</li>
 *   <li>BatchWriteItem the per-rule-failure index items (deterministic keys, idempotent);</li>
 *   <li>conditional PutItem of the score item: the commit point.</li>
 * </ol>
 * A stored score therefore implies its messages were sent, so redeliveries send nothing. A crash
 * between 3 and 5 (or two concurrent deliveries) can send a message twice with the same id: the
 * consumers dedupe on followUpId / requestId. Two DynamoDB writes per scored transcript; a re-score
 * with a new rulebook version adds one UpdateItem to unlink the record it supersedes.
 */
public final class ScoreTranscriptService {
    /** AGENT_PROMISE follow-ups per transcript, at most (the rest are logged): a supervisor acts on a handful, not 499. */
    public static final int MAX_FOLLOW_UPS = 20;

    private final Scorer scorer;
    private final QaScoreStore store;
    private final FollowUps followUps;
    private final SurveyRequests surveys;
    private final Clock clock;
    private final EventLog log;

    public ScoreTranscriptService(Scorer scorer, QaScoreStore store, FollowUps followUps, SurveyRequests surveys,
            Clock clock, EventLog log) {
        this.scorer = scorer;
        this.store = store;
        this.followUps = followUps;
        this.surveys = surveys;
        this.clock = clock;
        this.log = log;
    }

    public void handle(TranscriptMessage message, MessageMeta meta) {
        Transcript transcript = message.toTranscript();
        var rulebook = scorer.rulebook().rulebook();
        List<QaScoreStore.StoredScore> stored = store.scoresOf(transcript.transcriptId());
        String hash = PayloadHash.of(message);
        // The same chat id with other content (a re-opened chat sent under its old id) is not silently skipped:
        // the chat system must send it with a new transcriptId; the first version's score stands.
        stored.stream().filter(s -> Repeat.of(s.payloadHash(), hash) == Repeat.CONFLICT).findFirst().ifPresent(s -> {
            log.warn("score.conflicting_duplicate", fields(meta, transcript, Map.of("storedRulebookVersion",
                    s.rulebookVersion())));
            throw new InvalidMessageException("transcriptId", "conflicting duplicate: " + transcript.transcriptId()
                    + " was already scored from different content (re-opened chat? send it with a new transcriptId)");
        });
        boolean duplicate = stored.stream().anyMatch(s -> s.scoredWith(rulebook.id(), rulebook.version()));
        if (duplicate) {
            // A crash may have come between the put and the unlink of the score it supersedes: finish it.
            int unlinked = stored.size() > 1 ? store.finishSupersedes(transcript.transcriptId()) : 0;
            log.info("score.duplicate", fields(meta, transcript, Map.of("rulebookVersion", rulebook.version(),
                    "unlinksFinished", unlinked)));
            return;
        }
        QaScore score = scorer.score(transcript);
        Optional<QaScoreStore.StoredScore> superseded = stored.stream()
                .filter(s -> s.rulebookId().equals(rulebook.id()) && s.rulebookVersion() < rulebook.version())
                .max((a, b) -> Integer.compare(a.rulebookVersion(), b.rulebookVersion()));

        if (score.promises().size() > MAX_FOLLOW_UPS) {   // one chat must not flood the supervisors' queue (or the score item)
            log.warn("followups.capped", fields(meta, transcript, Map.of("promises", score.promises().size(), "sent", MAX_FOLLOW_UPS)));
            score = new QaScore(score.transcriptId(), score.rulebookId(), score.rulebookVersion(), score.score(), score.status(),
                    score.reviewReason(), score.findings(), score.complaint(), score.promises().subList(0, MAX_FOLLOW_UPS));
        }
        for (Promise promise : score.promises()) {
            followUps.send(followUp(transcript, promise));
        }
        if (stored.isEmpty()) {
            surveys.send(surveyRequest(transcript));
        }
        ScoreRecord record = new ScoreRecord(redact(transcript), score, clock.instant(), superseded.orElse(null), hash);
        store.writeRuleIndex(record, superseded.orElse(null));
        boolean created = store.putIfAbsent(record);
        if (created && superseded.isPresent()) {
            store.markSuperseded(superseded.get(), record);
        }
        log.info(created ? "score.stored" : "score.concurrent_duplicate", fields(meta, transcript, Map.of(
                "rulebook", rulebook.id() + "@" + rulebook.version(),
                "score", score.score(),
                "status", score.status().name(),
                "failedRules", score.failures().stream().map(f -> f.ruleId()).toList(),
                "promises", score.promises().size())));
    }

    private PromiseFollowUp followUp(Transcript t, Promise promise) {
        Message said = t.messages().get(promise.messageIndex());
        return new PromiseFollowUp(PromiseFollowUp.VERSION, PromiseFollowUp.idFor(t.transcriptId(), promise.messageIndex()),
                PromiseFollowUp.KIND, t.transcriptId(), promise.messageIndex(),
                promise.agentId() != null ? promise.agentId() : t.primaryAgentId(), t.team(), t.customerId(), t.orderId(),
                t.locale(), said.ts(), promise.dueBy(), promise.text());
    }

    /**
     * channel is where the survey is delivered (SMS, APP_PUSH, IM), not the chat platform: a post-chat
     * survey goes back over IM, where the customer just was.
     */
    private static SurveyRequest surveyRequest(Transcript t) {
        return new SurveyRequest(SurveyRequest.VERSION, "chat:" + t.transcriptId(), "POST_CHAT", t.customerId(),
                t.transcriptId(), t.orderId(), t.primaryAgentId(), t.team(), t.locale(), "IM", t.closedAt());
    }

    /** The transcript as it may be stored: every text through the PII redactor, read as a chat (split numbers). */
    static Transcript redact(Transcript t) {
        List<String> texts = PiiRedactor.redactChat(t.messages().stream()
                .map(m -> new ChatLine(m.role().name(), m.text())).toList());
        List<Message> messages = new java.util.ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Message m = t.messages().get(i);
            messages.add(new Message(m.index(), m.role(), m.agentId(), texts.get(i), m.ts()));
        }
        return new Transcript(t.transcriptId(), t.channel(), t.shopId(), t.team(), t.agentIds(), t.customerId(),
                t.orderId(), t.locale(), messages);
    }

    private static Map<String, Object> fields(MessageMeta meta, Transcript t, Map<String, ?> more) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messageId", meta.messageId());
        out.put("transcriptId", t.transcriptId());
        out.putAll(more);
        return out;
    }
}

package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.Transcript;
import java.time.Instant;

/**
 * Everything stored for one score: the score, the transcript with every text PII-redacted (for
 * `qa show` and re-scoring), when it was scored, the score it supersedes (re-score), if any, and the
 * {@link io.kefu.shared.effects.PayloadHash} of the chat message it came from (null on a re-score: the chat is
 * the one the superseded score carries).
 */
public record ScoreRecord(Transcript redactedTranscript, QaScore score, Instant scoredAt, QaScoreStore.StoredScore supersedes,
                          String payloadHash) {
    public ScoreRecord(Transcript redactedTranscript, QaScore score, Instant scoredAt, QaScoreStore.StoredScore supersedes) {
        this(redactedTranscript, score, scoredAt, supersedes, supersedes == null ? null : supersedes.payloadHash());
    }
}

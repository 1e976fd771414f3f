package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.Transcript;
import java.time.Instant;

/**
 * Everything stored for one score: the score, the transcript with every text PII-redacted (for
 * `qa show` and re-scoring), when it was scored, and the score it supersedes (re-score), if any.
 */
public record ScoreRecord(Transcript redactedTranscript, QaScore score, Instant scoredAt, QaScoreStore.StoredScore supersedes) {}

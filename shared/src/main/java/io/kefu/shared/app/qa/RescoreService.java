package io.kefu.shared.app.qa;

import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Re-scores stored (redacted) transcripts with another rulebook version. The new score is a new
 * item linked to the one in force ({@code supersedes}), which keeps its data and reviews but leaves the
 * agent/team/status indexes; no follow-ups or survey requests are sent again (the chat did not happen again).
 * Same write order as first scoring: rule index items, then the conditional put (the new item records the
 * intent in {@code supersedes}), then the unlink (done = {@code supersededBy} on the old one); a re-run that
 * finds the new version stored finishes an unlink a crash cut off ({@link QaScoreStore#finishSupersedes}).
 *
 * <p>Scores are keyed by rulebook id and version, not by the complaint-type model: a chat already scored with
 * this version by another model ({@code complaintModel}, a retrain since) is left as it is and counted apart
 * ({@link Outcome#OTHER_MODEL}); publishing the rulebook as a new version re-grades it.
 *
 * <p>The stored transcript is PII-redacted; the PII-disclosure rule recognises the redactor's tokens
 * ({@link io.kefu.shared.privacy.RedactionMarks}), so a leak still fails the new score.
 */
public final class RescoreService {
    public enum Outcome { RESCORED, ALREADY_SCORED, OTHER_MODEL }

    private final Scorer scorer;
    private final QaScoreStore store;
    private final Function<ScoreView, Transcript> transcripts;
    private final Clock clock;

    public RescoreService(Scorer scorer, QaScoreStore store, Function<ScoreView, Transcript> transcripts, Clock clock) {
        this.scorer = scorer;
        this.store = store;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    public Outcome rescore(ScoreView current) {
        var book = scorer.rulebook().rulebook();
        var done = store.scoresOf(current.transcriptId()).stream().filter(s -> s.scoredWith(book.id(), book.version())).findFirst();
        if (done.isPresent()) {
            store.finishSupersedes(current.transcriptId()); // a re-run finishes an unlink a crash cut off
            return Objects.equals(done.get().complaintModel(), scorer.complaintModel()) ? Outcome.ALREADY_SCORED
                    : Outcome.OTHER_MODEL;
        }
        Transcript transcript = transcripts.apply(current);
        QaScore score = scorer.score(transcript);
        QaScoreStore.StoredScore old = new QaScoreStore.StoredScore(current.transcriptId(), current.rulebookId(),
                current.rulebookVersion(), current.failedRules());
        ScoreRecord record = new ScoreRecord(transcript, score, clock.instant(), old);
        store.writeRuleIndex(record, old);
        if (store.putIfAbsent(record)) {
            store.markSuperseded(old, record);
            return Outcome.RESCORED;
        }
        return Outcome.ALREADY_SCORED;
    }
}

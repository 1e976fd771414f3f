package io.kefu.shared.app.qa;

import java.util.List;

/** Where scores live (DynamoDB QaScores in production, a map in tests). */
public interface QaScoreStore {

    /** The scores already stored for a transcript, any rulebook version (a read, not a write). */
    List<StoredScore> scoresOf(String transcriptId);

    /**
     * Writes the score's per-rule-failure index items (deterministic keys: a repeat overwrites with the
     * same content) and removes those of the score it supersedes. Called before {@link #putIfAbsent}.
     */
    void writeRuleIndex(ScoreRecord record, StoredScore superseded);

    /** Conditional put of the score item; false when it already exists (a concurrent duplicate). */
    boolean putIfAbsent(ScoreRecord record);

    /** Takes a superseded score out of the agent/team/status indexes and links it to its successor. */
    void markSuperseded(StoredScore old, ScoreRecord successor);

    /**
     * Finishes the last step of a re-score that stopped after its put: a stored score whose {@code supersedes}
     * names a score still in the agent/team/status indexes gets that one unlinked now. Idempotent; a redelivery
     * of the chat or a re-run of {@code qa rescore} calls it, so two "current" scores never stay.
     * @return how many unlinks it had to finish
     */
    int finishSupersedes(String transcriptId);

    /**
     * What the service needs to know of a stored score; {@code payloadHash}: of the chat message it was scored
     * from (null on scores stored before hashes were kept); {@code complaintModel}: the complaint-type model that
     * graded it (null: none, or a score stored before models were recorded).
     */
    record StoredScore(String transcriptId, String rulebookId, int rulebookVersion, List<String> failedRules,
                       String payloadHash, String complaintModel) {
        public StoredScore {
            failedRules = List.copyOf(failedRules);
        }

        public StoredScore(String transcriptId, String rulebookId, int rulebookVersion, List<String> failedRules) {
            this(transcriptId, rulebookId, rulebookVersion, failedRules, null, null);
        }

        public boolean scoredWith(String id, int version) {
            return rulebookId.equals(id) && rulebookVersion == version;
        }
    }
}

package io.kefu.shared.app.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A QaScoreStore over maps, counting writes like DynamoDB would bill them. */
final class InMemoryQaScoreStore implements QaScoreStore {
    final Map<String, ScoreRecord> scores = new LinkedHashMap<>();
    final Map<String, String> ruleIndex = new LinkedHashMap<>();
    final List<String> superseded = new ArrayList<>();
    int writeRequests;
    RuntimeException failOnPut;

    private static String key(String transcriptId, String rulebookId, int version) {
        return transcriptId + "|" + rulebookId + "|" + version;
    }

    @Override
    public List<StoredScore> scoresOf(String transcriptId) {
        return scores.values().stream()
                .filter(r -> r.score().transcriptId().equals(transcriptId))
                .map(r -> new StoredScore(transcriptId, r.score().rulebookId(), r.score().rulebookVersion(),
                        r.score().failures().stream().map(f -> f.ruleId()).toList(), null, r.score().complaint().model()))
                .toList();
    }

    @Override
    public void writeRuleIndex(ScoreRecord record, StoredScore old) {
        var s = record.score();
        if (s.failures().isEmpty() && old == null) {
            return;
        }
        writeRequests++;
        s.failures().forEach(f -> ruleIndex.put(key(s.transcriptId(), s.rulebookId(), s.rulebookVersion()) + "|" + f.ruleId(), f.ruleId()));
        if (old != null) {
            old.failedRules().forEach(rule -> ruleIndex.remove(key(old.transcriptId(), old.rulebookId(), old.rulebookVersion()) + "|" + rule));
        }
    }

    @Override
    public boolean putIfAbsent(ScoreRecord record) {
        writeRequests++;
        if (failOnPut != null) {
            throw failOnPut;
        }
        var s = record.score();
        return scores.putIfAbsent(key(s.transcriptId(), s.rulebookId(), s.rulebookVersion()), record) == null;
    }

    @Override
    public int finishSupersedes(String transcriptId) {
        int finished = 0;
        for (ScoreRecord r : List.copyOf(scores.values())) {
            var old = r.supersedes();
            if (r.score().transcriptId().equals(transcriptId) && old != null
                    && !superseded.contains(key(old.transcriptId(), old.rulebookId(), old.rulebookVersion()))) {
                markSuperseded(old, r);
                finished++;
            }
        }
        return finished;
    }

    @Override
    public void markSuperseded(StoredScore old, ScoreRecord successor) {
        writeRequests++;
        superseded.add(key(old.transcriptId(), old.rulebookId(), old.rulebookVersion()));
    }
}

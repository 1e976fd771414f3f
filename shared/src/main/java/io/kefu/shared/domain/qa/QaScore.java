package io.kefu.shared.domain.qa;

import java.util.List;

/**
 * The result of scoring one transcript with one rulebook version. {@code score} is 0..100 over the
 * applicable weighted items; a red line caps it at 0.
 */
public record QaScore(
        String transcriptId,
        String rulebookId,
        int rulebookVersion,
        int score,
        QaStatus status,
        ReviewReason reviewReason,
        List<Finding> findings,
        ComplaintGrade complaint,
        List<Promise> promises) {

    public QaScore {
        findings = List.copyOf(findings);
        promises = List.copyOf(promises);
    }

    public List<Finding> failures() {
        return findings.stream().filter(Finding::failed).toList();
    }
}

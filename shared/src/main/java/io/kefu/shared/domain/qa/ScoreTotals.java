package io.kefu.shared.domain.qa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** From findings to the scorecard's total: section auto-fail, weighted score, red line, review and calibration. */
final class ScoreTotals {
    private static final MessageDigest SHA_256 = sha256();

    private final Rulebook rulebook;
    private final Map<String, Rule> rulesById = new HashMap<>();

    ScoreTotals(Rulebook rulebook) {
        this.rulebook = rulebook;
        for (Rule rule : rulebook.rules()) {
            rulesById.put(rule.id(), rule);
        }
    }

    /** An autoFail item that failed zeroes the points of every item of its section (the item itself included). */
    List<Finding> sectionAutoFail(ChatAnalysis chat, List<Finding> findings) {
        Map<String, String> failedSections = new HashMap<>();
        for (Finding f : findings) {
            Rule rule = rulesById.get(f.ruleId());
            if (f.failed() && rule.autoFails() && rule.section() != null) {
                failedSections.putIfAbsent(rule.section(), rule.id());
            }
        }
        if (failedSections.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Rule rule = rulesById.get(f.ruleId());
            String by = rule.section() == null ? null : failedSections.get(rule.section());
            if (by != null && f.counts() && f.points() > 0) {
                out.add(new Finding(f.ruleId(), f.kind(), f.outcome(), f.redLine(), f.weight(), 0, f.messageIndex(),
                        f.evidence(), f.reason() + " " + chat.reason("section.autofail", rule.section(), by)));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    QaScore total(Transcript t, List<Finding> findings, ComplaintGrade complaint, List<Promise> promises) {
        int weight = 0;
        int points = 0;
        boolean redLine = false;
        for (Finding f : findings) {
            if (f.redLine() && f.failed()) {
                redLine = true;
            }
            if (f.counts() && !f.redLine()) {
                weight += f.weight();
                points += f.points();
            }
        }
        int score = weight == 0 ? 100 : Math.round(100f * points / weight);
        var scoring = rulebook.scoring();
        QaStatus status;
        ReviewReason review;
        if (redLine) {
            score = 0;
            status = QaStatus.FAIL;
            review = ReviewReason.RED_LINE;
        } else if (score < scoring.reviewBelow()) {
            status = QaStatus.NEEDS_REVIEW;
            review = ReviewReason.LOW_SCORE;
        } else if (sampled(t.transcriptId(), scoring.calibrationSampleRate())) {
            status = QaStatus.NEEDS_REVIEW;
            review = ReviewReason.CALIBRATION_SAMPLE;
        } else {
            status = QaStatus.PASS;
            review = null;
        }
        return new QaScore(t.transcriptId(), rulebook.id(), rulebook.version(), score, status, review,
                findings, complaint, promises);
    }

    /** Calibration sampling from a hash of the transcript id: a redelivery gets the same answer. */
    static boolean sampled(String transcriptId, double rate) {
        if (rate <= 0) {
            return false;
        }
        try {
            // Cloning a ready digest skips the provider lookup of getInstance, which cost more than hashing the id.
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(transcriptId.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return (bits >>> 11) * 0x1.0p-53 < rate;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

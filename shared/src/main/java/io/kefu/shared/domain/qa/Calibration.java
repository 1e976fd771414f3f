package io.kefu.shared.domain.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the scorer and the leads disagree. Per rule, over reviewed scores on which the rule failed:
 * how often a lead overturned it, and how far the lead's score moved from the automatic one. A rule
 * leads keep overturning (or whose failures leads keep scoring up) is a rulebook fix candidate.
 */
public final class Calibration {
    /** A lead's final score within this many points of the automatic one counts as agreement. */
    public static final int AGREEMENT_POINTS = 5;

    private Calibration() {}

    /** One reviewed score. */
    public record Sample(int autoScore, int finalScore, List<String> failedRules, List<String> overturnedRules) {
        public Sample {
            failedRules = List.copyOf(failedRules);
            overturnedRules = List.copyOf(overturnedRules);
        }

        int delta() {
            return finalScore - autoScore;
        }
    }

    /** One rule's disagreement; {@code meanDelta} is the lead's score minus the automatic one, on average. */
    public record RuleDisagreement(String ruleId, int reviewedFailures, int overturned, double overturnRate, double meanDelta) {
        /** Overturns say it directly; a large mean delta says it without per-rule verdicts. */
        public double disagreement() {
            return overturnRate + Math.abs(meanDelta) / 100.0;
        }
    }

    public record Result(int samples, int agreed, double meanAbsoluteDelta, List<RuleDisagreement> rules) {
        public double agreementRate() {
            return samples == 0 ? 0 : (double) agreed / samples;
        }
    }

    public static Result of(List<Sample> samples) {
        Map<String, int[]> perRule = new TreeMap<>();   // failures, overturned, sum of delta
        int agreed = 0;
        long absDelta = 0;
        for (Sample s : samples) {
            if (Math.abs(s.delta()) <= AGREEMENT_POINTS) {
                agreed++;
            }
            absDelta += Math.abs(s.delta());
            for (String rule : s.failedRules()) {
                int[] acc = perRule.computeIfAbsent(rule, r -> new int[3]);
                acc[0]++;
                acc[1] += s.overturnedRules().contains(rule) ? 1 : 0;
                acc[2] += s.delta();
            }
        }
        List<RuleDisagreement> rules = new ArrayList<>();
        perRule.forEach((rule, acc) -> rules.add(new RuleDisagreement(rule, acc[0], acc[1],
                (double) acc[1] / acc[0], (double) acc[2] / acc[0])));
        rules.sort(Comparator.comparingDouble(RuleDisagreement::disagreement).reversed()
                .thenComparing(RuleDisagreement::ruleId));
        return new Result(samples.size(), agreed, samples.isEmpty() ? 0 : (double) absDelta / samples.size(), rules);
    }
}

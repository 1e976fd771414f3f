package io.kefu.shared.domain.qa;

import java.util.List;
import java.util.Map;

/**
 * A versioned QA scorecard as written in YAML (see {@code rulebooks/default.yaml}). Every score
 * records {@code id} and {@code version} so it can be reproduced; a changed rulebook gets a new version.
 */
public record Rulebook(
        String id,
        int version,
        String description,
        Normalization normalization,
        Scoring scoring,
        Signals signals,
        Complaint complaint,
        List<Rule> rules) {

    public Rulebook {
        normalization = normalization == null ? new Normalization(List.of()) : normalization;
        scoring = scoring == null ? new Scoring(80, 0.05) : scoring;
        signals = signals == null ? new Signals(List.of(), List.of(), 2, true, List.of()) : signals;
        complaint = complaint == null ? new Complaint(Map.of(), Map.of()) : complaint;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Characters dropped before matching: filler particles (亲, 哦, 呢, 啦 ...). */
    public record Normalization(List<String> fillers) {
        public Normalization {
            fillers = fillers == null ? List.of() : List.copyOf(fillers);
        }
    }

    /** Below {@code reviewBelow} a transcript needs review; {@code calibrationSampleRate} of the rest too. */
    public record Scoring(int reviewBelow, double calibrationSampleRate) {}

    /**
     * Customer-side signals. Upset = a {@code negativeEmotion} phrase, angry punctuation (!!, ？？？),
     * or a {@code repeatedWords} phrase said {@code repeatThreshold} times. {@code transferNotices}
     * mark a transfer in system messages.
     */
    public record Signals(
            List<String> negativeEmotion,
            List<String> repeatedWords,
            int repeatThreshold,
            boolean angryPunctuation,
            List<String> transferNotices) {
        public Signals {
            negativeEmotion = negativeEmotion == null ? List.of() : List.copyOf(negativeEmotion);
            repeatedWords = repeatedWords == null ? List.of() : List.copyOf(repeatedWords);
            transferNotices = transferNotices == null ? List.of() : List.copyOf(transferNotices);
            repeatThreshold = repeatThreshold <= 0 ? 2 : repeatThreshold;
        }
    }

    /** Complaint grading lexicons: phrases per {@link ComplaintType} and per escalation signal. */
    public record Complaint(Map<ComplaintType, List<String>> types, Map<EscalationSignal, List<String>> escalation) {
        public Complaint {
            types = types == null ? Map.of() : Map.copyOf(types);
            escalation = escalation == null ? Map.of() : Map.copyOf(escalation);
        }
    }
}

package io.kefu.shared.domain.qa;

import java.util.List;
import java.util.Optional;

/**
 * 投诉分级 stored with the score: the type, how severe, and the signals that decided it. {@code reasons} are the
 * customer turns that made the chat a complaint, with the words that did (shown by {@code qa try}, not stored), so a
 * lead can see which phrase to add to {@code complaint.notProblems} when the call is wrong. {@code model} is the
 * complaint-type model the scorer graded with ({@link ComplaintTypeModel#id()}; null: the lexicons alone), stored
 * with the score.
 */
public record ComplaintGrade(ComplaintType type, ComplaintSeverity severity, List<EscalationSignal> signals,
        List<Reason> reasons, String model) {
    /**
     * A customer turn that made the chat a complaint and its evidence (PII redacted); {@code upset} when the turn
     * is an upset one (its evidence the words that showed it), not only a problem named.
     */
    public record Reason(int messageIndex, String evidence, boolean upset) {
        public Reason(int messageIndex, String evidence) {
            this(messageIndex, evidence, false);
        }
    }

    /** The customer's first upset turn, if the grade came from one. */
    public Optional<Reason> firstUpsetTurn() {
        return reasons.stream().filter(Reason::upset).findFirst();
    }

    public ComplaintGrade {
        signals = List.copyOf(signals);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public ComplaintGrade(ComplaintType type, ComplaintSeverity severity, List<EscalationSignal> signals,
            List<Reason> reasons) {
        this(type, severity, signals, reasons, null);
    }

    public ComplaintGrade(ComplaintType type, ComplaintSeverity severity, List<EscalationSignal> signals) {
        this(type, severity, signals, List.of());
    }

    /** The same grade, made with this complaint-type model. */
    public ComplaintGrade withModel(String modelId) {
        return new ComplaintGrade(type, severity, signals, reasons, modelId);
    }

    public static ComplaintGrade none() {
        return new ComplaintGrade(ComplaintType.NONE, ComplaintSeverity.NONE, List.of());
    }
}

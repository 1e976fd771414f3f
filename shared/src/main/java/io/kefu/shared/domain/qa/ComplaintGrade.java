package io.kefu.shared.domain.qa;

import java.util.List;

/** 投诉分级 stored with the score: the type, how severe, and the signals that decided it. */
public record ComplaintGrade(ComplaintType type, ComplaintSeverity severity, List<EscalationSignal> signals) {
    public ComplaintGrade {
        signals = List.copyOf(signals);
    }

    public static ComplaintGrade none() {
        return new ComplaintGrade(ComplaintType.NONE, ComplaintSeverity.NONE, List.of());
    }
}

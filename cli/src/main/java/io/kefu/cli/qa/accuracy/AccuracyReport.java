package io.kefu.cli.qa.accuracy;

import java.util.List;
import java.util.Map;

/** The eval of one gold set: per-rule counts in rulebook order, chat-level agreements, and every disagreement. */
public record AccuracyReport(
        int chats,
        Map<String, Confusion> rules,
        Agreement status,
        Agreement complaintType,
        Agreement complaintSeverity,
        Confusion customerUpset,
        PromiseCounts promises,
        int falseRedLines,
        List<Disagreement> disagreements) {

    public AccuracyReport {
        rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
        disagreements = List.copyOf(disagreements);
    }
}

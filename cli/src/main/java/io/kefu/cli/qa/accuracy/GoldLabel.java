package io.kefu.cli.qa.accuracy;

import java.util.List;
import java.util.Map;

/**
 * A reviewer's verdict on one chat ({@code <id>.gold.json}, format in docs/qa-gold-format.md). Rules missing from
 * {@code rules} were not judged and are not counted; {@code customerUpset} and {@code complaint} may be null (not judged).
 */
public record GoldLabel(
        String transcriptId,
        Source source,
        String lang,
        String status,
        Map<String, String> rules,
        Boolean customerUpset,
        List<Integer> upsetTurns,
        List<PromiseLabel> promises,
        ComplaintLabel complaint,
        String notes) {

    public GoldLabel {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        upsetTurns = upsetTurns == null ? List.of() : List.copyOf(upsetTurns);
        promises = promises == null ? null : List.copyOf(promises);
    }

    /** Where the chat came from and what the conversion changed. */
    public record Source(String dataset, String url, String licence, String item, String converted) {}

    /** An agent promise to come back: the message that made it and, when the sentence says, when it is due. */
    public record PromiseLabel(int messageIndex, String due) {}

    public record ComplaintLabel(String type, String severity) {}
}

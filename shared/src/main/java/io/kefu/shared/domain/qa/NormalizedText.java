package io.kefu.shared.domain.qa;

/**
 * Text after {@link TextNormalizer}: normalized char i came from {@code raw[begins[i], ends[i])}, so a
 * match can be shown to a reviewer as the agent actually wrote it.
 */
public record NormalizedText(String text, int[] begins, int[] ends) {
    public String original(String raw, int begin, int end) {
        if (begin >= end || end > begins.length) {
            return "";
        }
        return raw.substring(begins[begin], Math.max(begins[begin], ends[end - 1]));
    }
}

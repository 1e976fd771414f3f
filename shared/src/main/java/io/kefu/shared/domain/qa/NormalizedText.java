package io.kefu.shared.domain.qa;

/**
 * Text after {@link TextNormalizer}: {@code offsets[i]} is where normalized char i came from in the
 * raw text, so a match can be shown to a reviewer as the agent actually wrote it.
 */
public record NormalizedText(String text, int[] offsets) {
    public String original(String raw, int begin, int end) {
        if (begin >= end || end > offsets.length) {
            return "";
        }
        return raw.substring(offsets[begin], offsets[end - 1] + 1);
    }
}

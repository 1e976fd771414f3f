package io.kefu.shared.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the tokens {@link PiiRedactor} leaves in place of personal data ("[MOBILE]", "[ID]" ...).
 * Stored transcripts are redacted, so when one is scored again (a new rulebook version) the tokens
 * are the only remaining evidence that the agent disclosed PII; the red line must still fire.
 */
public final class RedactionMarks {
    private RedactionMarks() {}

    public static List<PiiMatch> find(String text) {
        if (text == null || text.indexOf('[') < 0) {
            return List.of();
        }
        List<PiiMatch> marks = new ArrayList<>();
        for (PiiKind kind : PiiKind.values()) {
            String token = kind.token();
            for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
                marks.add(new PiiMatch(kind, at, at + token.length()));
            }
        }
        marks.sort(Comparator.comparingInt(PiiMatch::start));
        return marks;
    }
}

package io.kefu.shared.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code pii/labelled-chats.txt}: hand-written chat lines with their personal data and hard negatives
 * marked (format in the file's header). Each sample is one or more consecutive messages of one speaker.
 */
final class PiiLabelledCorpus {
    /** A marked value: where it is in its message's text (after the marks are removed). */
    record Span(String kind, int message, int start, int end, boolean continues) {}

    /** One PII value, possibly split over several messages; a hard negative has one part. */
    record Value(String kind, List<Span> parts) {}

    record Sample(int line, String lang, List<String> messages, List<Value> pii, List<Value> negatives) {}

    private static final Pattern MARK = Pattern.compile("⟦([A-Z]+)(\\+?):(.*?)⟧|⟪([A-Z]+):(.*?)⟫");
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private PiiLabelledCorpus() {}

    static List<Sample> load() {
        try (InputStream in = PiiLabelledCorpus.class.getResourceAsStream("/pii/labelled-chats.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                samples.add(parse(i + 1, line.substring(0, tab), line.substring(tab + 1)));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample parse(int lineNo, String lang, String text) {
        String[] raw = text.split(" ‖ ", -1);
        List<String> messages = new ArrayList<>();
        List<Value> pii = new ArrayList<>();
        List<Value> negatives = new ArrayList<>();
        for (int m = 0; m < raw.length; m++) {
            String decoded = unescape(raw[m]);
            StringBuilder plain = new StringBuilder();
            Matcher mark = MARK.matcher(decoded);
            int at = 0;
            while (mark.find()) {
                plain.append(decoded, at, mark.start());
                boolean isPii = mark.group(1) != null;
                String value = isPii ? mark.group(3) : mark.group(5);
                int start = plain.length();
                plain.append(value);
                Span span = new Span(isPii ? mark.group(1) : mark.group(4), m, start, plain.length(),
                        isPii && !mark.group(2).isEmpty());
                if (!isPii) {
                    negatives.add(new Value(span.kind(), List.of(span)));
                } else if (span.continues()) {
                    if (pii.isEmpty()) {
                        throw new IllegalStateException("line " + lineNo + ": continuation without a value");
                    }
                    Value last = pii.remove(pii.size() - 1);
                    List<Span> parts = new ArrayList<>(last.parts());
                    parts.add(span);
                    pii.add(new Value(last.kind(), parts));
                } else {
                    pii.add(new Value(span.kind(), List.of(span)));
                }
                at = mark.end();
            }
            plain.append(decoded.substring(at));
            messages.add(plain.toString());
        }
        return new Sample(lineNo, lang, messages, pii, negatives);
    }

    private static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}

package io.kefu.shared.json;

/**
 * Text that every store and queue on the way can carry. SQS accepts only #x9 | #xA | #xD | #x20-#xD7FF |
 * #xE000-#xFFFD | #x10000-#x10FFFF; a lone UTF-16 surrogate (a half of an emoji, "\ud800") or a non-character
 * (U+FFFE, U+FFFF) is not Unicode text at all, so a message carrying one is refused at the edge, and a copy we
 * must send anyway (a parked body) has them replaced.
 */
public final class UnicodeText {
    private UnicodeText() {}

    /** Why {@code text} is not valid Unicode text, or null. C0 controls are allowed: JSON escapes them on the way. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("lone UTF-16 surrogate \\u%04x at character %d: not valid Unicode text", (int) c, i);
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return String.format("non-character \\u%04x at character %d: not valid Unicode text", (int) c, i);
            }
        }
        return null;
    }

    /** {@code text} with every character SQS refuses (lone surrogates, non-characters, C0 controls but tab/CR/LF) as U+FFFD. */
    public static String sendable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean ok = pair || (!Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF'
                    && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r'));
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (pair) {
                    out.append(c).append(text.charAt(i + 1));
                } else {
                    out.append(ok ? c : '\uFFFD');
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}

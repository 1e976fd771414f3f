package io.kefu.cli.qa;

/**
 * Text from chats and label files on its way to a terminal: control, format (bidi overrides, zero-width) and
 * unassigned characters become a visible {@code \\uXXXX}, so a transcript cannot move the cursor, recolour the
 * screen or reorder what the lead reads. Line breaks become a visible "⏎" to keep one finding per line.
 */
final class Terminal {
    private Terminal() {}

    /**
     * A JSON document for the terminal: Jackson already escapes control characters; format, private-use and unassigned
     * ones (U+202E, zero-width ...) become JSON escapes too, which decode to the same text.
     */
    static String safeJson(String json) {
        StringBuilder sb = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r') {
                sb.append('⏎');
                return;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}

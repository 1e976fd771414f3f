package io.kefu.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The one neutraliser for everything the CLI prints. Stored text comes from customers and agents: an ESC
 * sequence in a chat line ("\e[8m" conceals what follows, "\e]8;;" makes links, "\e[2J" clears the screen), a
 * bare CR that overwrites the line, or a bidi override (U+202E) that reverses it would otherwise reach the QA
 * lead's terminal and hide or forge findings. Control characters (C0, DEL, C1), bidi controls and line/paragraph
 * separators are shown as visible {@code \\uXXXX} escapes (also valid inside the JSON that {@code --json}
 * prints). {@link #value} escapes newline and tab too (one cell, one chat line: no forged lines);
 * {@link #writer}/{@link #stream} keep them (they are the output's own layout).
 */
public final class TerminalText {
    private TerminalText() {}

    /** A single value (a cell, a chat line, a reason): no character of it can move the cursor or restyle. */
    public static String value(String text) {
        return text == null ? null : escape(text, false);
    }

    /** Whole output: as {@link #value} but newline and tab stay. */
    public static String output(String text) {
        return text == null ? null : escape(text, true);
    }

    public static PrintWriter writer(Writer out) {
        if (out instanceof SafePrintWriter safe) {
            return safe;
        }
        return new SafePrintWriter(new NeutralWriter(out));
    }

    public static PrintStream stream(OutputStream out) {
        if (out instanceof SafePrintStream safe) {
            return safe;
        }
        return new SafePrintStream(out);
    }

    static boolean neutralised(int c, boolean layout) {
        if (layout && (c == '\n' || c == '\t')) {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }

    private static String escape(String text, boolean layout) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = neutralised(c, layout);
            if (bad && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Escapes as characters pass, so printf, println and write all go through it. */
    private static final class NeutralWriter extends FilterWriter {
        NeutralWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (neutralised(c, true)) {
                out.write(String.format("\\u%04x", c));
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            write(new String(buf, off, len), 0, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            String part = s.substring(off, off + len);
            String safe = escape(part, true);
            out.write(safe, 0, safe.length());
        }
    }

    private static final class SafePrintWriter extends PrintWriter {
        SafePrintWriter(Writer out) {
            super(out, true);
        }
    }

    private static final class SafePrintStream extends PrintStream {
        SafePrintStream(OutputStream out) {
            super(new NeutralOutputStream(out), true, StandardCharsets.UTF_8);
        }
    }

    /** Decodes UTF-8 as it passes (whole characters only) and re-encodes the escaped text. */
    private static final class NeutralOutputStream extends OutputStream {
        private final OutputStream out;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        NeutralOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            pending.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            pending.write(b, off, len);
            if (pending.size() > 8192) {
                flush();
            }
        }

        @Override
        public void flush() throws IOException {
            byte[] bytes = pending.toByteArray();
            int complete = completeLength(bytes);
            String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
            out.write(escape(text, true).getBytes(StandardCharsets.UTF_8));
            pending.reset();
            pending.write(bytes, complete, bytes.length - complete);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }

        /** Length of the prefix that ends on a whole UTF-8 character. */
        private static int completeLength(byte[] bytes) {
            int n = bytes.length;
            for (int back = 1; back <= Math.min(3, n); back++) {
                int b = bytes[n - back] & 0xff;
                if ((b & 0xc0) == 0x80) {
                    continue; // continuation byte
                }
                int need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
                return need > back ? n - back : n;
            }
            return n;
        }
    }
}

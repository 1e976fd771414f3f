package io.kefu.shared.domain.qa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Per-character folding applied to rulebook phrases and chat text alike, so look-alike spellings match:
 * NFKC (full width, CJK compatibility ideographs such as U+F967 for 不, Kangxi radicals, math letters),
 * Unicode confusables to ASCII (Cyrillic "о" for "o"; table generated from UTS #39 via ICU4J), and
 * traditional to simplified Chinese from OpenCC's character dictionary (TSCharacters, shipped in the
 * opencc4j jar). Folding the text instead of expanding phrases keeps the automaton as small as the rulebook.
 */
final class CharFolding {
    private static final String OPENCC_TS = "/data/dictionary/TSCharacters.txt";
    private static final String CONFUSABLES = "/qa/confusables-ascii.tsv";

    /** Single-char fold after NFKC; 0 = unchanged. Built once: 128 KB, one lookup per char. */
    private static final char[] SINGLE = new char[0x10000];
    /** NFKC of BMP chars that expand or vanish, computed on first sight (deterministic, so races are harmless). */
    private static final String[] NFKC = new String[0x10000];
    /** invisible() of BMP chars outside ASCII and unified CJK, on first sight: 0 unknown, 1 no, 2 yes (races harmless). */
    private static final byte[] INVISIBLE = new byte[0x10000];

    static {
        loadOpenCc();
        loadConfusables();
    }

    private CharFolding() {}

    /** Hangul fillers render as nothing (U+3164 between 傻 and 逼) but are letters to Unicode. */
    static boolean invisible(int cp) {
        if (cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF)) {
            return false; // ASCII and unified CJK: the bulk of chat text, no category lookup
        }
        if (cp < 0x10000) {
            byte known = INVISIBLE[cp];
            if (known == 0) {
                known = invisibleUncached(cp) ? (byte) 2 : (byte) 1;
                INVISIBLE[cp] = known;
            }
            return known == 2;
        }
        return invisibleUncached(cp);
    }

    private static boolean invisibleUncached(int cp) {
        if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x034F) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.SURROGATE || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** NFKC of one code point (itself for ASCII and unified CJK, which NFKC leaves alone). */
    static String nfkc(int cp) {
        if (cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF)) {
            return null;
        }
        if (cp < 0x10000) {
            String cached = NFKC[cp];
            if (cached == null) {
                String s = String.valueOf((char) cp);
                String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
                cached = n.equals(s) ? "" : n;
                NFKC[cp] = cached;
            }
            return cached.isEmpty() ? null : cached;
        }
        String s = Character.toString(cp);
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return n.equals(s) ? null : n;
    }

    /** Confusable and traditional folds, then lower case. */
    static char fold(char c) {
        if (c < 0x80) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        char mapped = SINGLE[c];
        if (mapped != 0) {
            return mapped;
        }
        if (c >= '\u2E80' && c < '\uFF00') {
            return c; // CJK has no case
        }
        return Character.toLowerCase(c);
    }

    private static void loadOpenCc() {
        try (BufferedReader in = open(OPENCC_TS)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                // BMP one-char entries only; the first candidate is OpenCC's default conversion
                if (tab == 1 && line.length() > 2 && !Character.isSurrogate(line.charAt(2))) {
                    char traditional = line.charAt(0);
                    char simplified = line.charAt(2);
                    if (traditional != simplified) {
                        SINGLE[traditional] = simplified;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void loadConfusables() {
        try (BufferedReader in = open(CONFUSABLES)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                SINGLE[Integer.parseInt(cols[0], 16)] = cols[1].charAt(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader open(String resource) {
        InputStream in = CharFolding.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing text-folding data " + resource + " (opencc4j / kefu-shared jar)");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}

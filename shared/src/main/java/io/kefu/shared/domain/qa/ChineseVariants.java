package io.kefu.shared.domain.qa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Traditional variants of simplified phrases, from a compact traditional->simplified table
 * ({@code qa/t2s.txt}: whitespace-separated pairs "傳传"). Used at rulebook-compile time only.
 */
public final class ChineseVariants {
    /** Enough for any realistic phrase; a phrase with many ambiguous characters gets the uniform variants. */
    static final int MAX_VARIANTS = 16;
    private static final String TABLE = "/qa/t2s.txt";

    private final Map<Character, List<Character>> traditionalOf;

    private ChineseVariants(Map<Character, List<Character>> traditionalOf) {
        this.traditionalOf = traditionalOf;
    }

    public static ChineseVariants load() {
        Map<Character, List<Character>> map = new HashMap<>();
        try (InputStream in = ChineseVariants.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TABLE);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String pair : line.trim().split("\\s+")) {
                    if (pair.length() == 2 && pair.charAt(0) != pair.charAt(1)) {
                        List<Character> alts = map.computeIfAbsent(pair.charAt(1), k -> new ArrayList<>(2));
                        if (!alts.contains(pair.charAt(0))) {
                            alts.add(pair.charAt(0));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChineseVariants(map);
    }

    public int size() {
        return traditionalOf.values().stream().mapToInt(List::size).sum();
    }

    public boolean hasTraditional(char simplified) {
        return traditionalOf.containsKey(simplified);
    }

    /** The phrase itself first, then traditional (and mixed, when few) spellings; at most MAX_VARIANTS. */
    public Set<String> variants(String phrase) {
        Set<String> out = new LinkedHashSet<>();
        out.add(phrase);
        List<List<Character>> options = new ArrayList<>(phrase.length());
        long product = 1;
        for (char c : phrase.toCharArray()) {
            List<Character> alts = traditionalOf.get(c);
            List<Character> opts = new ArrayList<>(3);
            if (alts != null) {
                opts.addAll(alts);
            }
            opts.add(c);
            options.add(opts);
            product *= opts.size();
        }
        if (product == 1) {
            return out;
        }
        if (product <= MAX_VARIANTS) {
            expand(options, 0, new StringBuilder(), out);
            return out;
        }
        // Too many combinations: texts are written in one script, so uniform spellings suffice.
        for (int k = 0; k < 3 && out.size() < MAX_VARIANTS; k++) {
            StringBuilder sb = new StringBuilder(phrase.length());
            for (List<Character> opts : options) {
                sb.append(opts.get(Math.min(k, opts.size() - 1)));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static void expand(List<List<Character>> options, int at, StringBuilder prefix, Set<String> out) {
        if (at == options.size()) {
            out.add(prefix.toString());
            return;
        }
        for (char c : options.get(at)) {
            prefix.append(c);
            expand(options, at + 1, prefix, out);
            prefix.setLength(prefix.length() - 1);
        }
    }
}

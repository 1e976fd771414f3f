package io.kefu.shared.domain.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rulebook's named phrase lists ({@link Rulebook#lists()}), and the one reading of a {@code "@name"} entry in a
 * phrase list: it stands for the named list's phrases. Every phrase list of a rulebook goes through {@link #expand}
 * before it is compiled or shown, so a list defined once reads the same wherever it is named.
 */
final class PhraseLists {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final String REFERENCE = "@";

    private final Map<String, List<String>> lists;

    PhraseLists(Map<String, List<String>> lists) {
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            String where = "lists." + list.getKey();
            if (!NAME.matcher(list.getKey()).matches()) {
                throw new InvalidRulebookException(where + ": a list name is lower-case letters, digits and -");
            }
            if (list.getValue() == null || list.getValue().isEmpty()) {
                throw new InvalidRulebookException(where + ": at least one phrase");
            }
            for (int i = 0; i < list.getValue().size(); i++) {
                String phrase = list.getValue().get(i);
                if (phrase != null && isReference(phrase)) {
                    // one level only: a lead reads a list where it is defined, not through a chain of names
                    throw new InvalidRulebookException(where + "[" + i + "]: '" + phrase.strip()
                            + "' names a list; a list holds phrases only");
                }
            }
        }
        this.lists = lists;
    }

    /** {@code phrases} with each {@code "@name"} replaced by that list's phrases; {@code path} names the field. */
    List<String> expand(List<String> phrases, String path) {
        if (phrases.stream().noneMatch(p -> p != null && isReference(p))) {
            return phrases;
        }
        List<String> out = new ArrayList<>(phrases.size() + 16);
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get(i);
            if (phrase == null || !isReference(phrase)) {
                out.add(phrase);
                continue;
            }
            String name = phrase.strip().substring(REFERENCE.length());
            List<String> list = lists.get(name);
            if (list == null) {
                // a one-phrase field (an item of all or atLeast) is named by its path alone
                String field = phrases.size() == 1 ? path : path + "[" + i + "]";
                throw new InvalidRulebookException(field + ": no list '" + name + "' under lists "
                        + lists.keySet().stream().sorted().toList() + " (a phrase is written without @)");
            }
            out.addAll(list);
        }
        return out;
    }

    private static boolean isReference(String phrase) {
        String p = phrase.strip();
        return p.startsWith(REFERENCE) && NAME.matcher(p.substring(REFERENCE.length())).matches();
    }
}

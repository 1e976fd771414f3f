package io.kefu.shared.domain.qa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A phrase of each rule in each language, to say what was missing; computed once per compiled rulebook. */
final class RuleExamples {
    private final Map<String, Map<Lang, String>> examples = new HashMap<>();

    private final PhraseLists lists;

    RuleExamples(Rulebook rulebook) {
        lists = new PhraseLists(rulebook.lists());
        for (Rule rule : rulebook.rules()) {
            Map<Lang, String> byLang = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                byLang.put(lang, compute(rule, lang));
            }
            examples.put(rule.id(), byLang);
        }
    }

    String of(Rule rule, Lang lang) {
        Map<Lang, String> byLang = examples.get(rule.id());
        String cached = byLang == null || lang == null ? null : byLang.get(lang);
        return cached != null ? cached : compute(rule, lang);
    }

    private String compute(Rule rule, Lang lang) {
        List<String> candidates = new ArrayList<>();
        if (rule.condition() != null) {
            collectPhrases(rule.condition(), candidates);
        }
        candidates.removeIf(p -> p.contains("*"));
        for (String phrase : candidates) {
            boolean latin = phrase.chars().allMatch(c -> c < 0x2E80);
            if (latin == (lang == Lang.EN)) {
                return phrase;
            }
        }
        return candidates.isEmpty() ? rule.id() : candidates.get(0);
    }

    /** Positive phrases and scripts of a condition (not under a NOT, an anchor or an exclusion), in order. */
    private void collectPhrases(Condition c, List<String> into) {
        into.addAll(lists.expand(c.any(), "any"));
        into.addAll(lists.expand(c.all(), "all"));
        if (c.atLeast() != null) {
            into.addAll(lists.expand(c.atLeast().of(), "atLeast.of"));
        }
        if (c.similar() != null) {
            into.addAll(c.similar().scripts());
        }
        c.and().forEach(part -> collectPhrases(part, into));
        c.or().forEach(part -> collectPhrases(part, into));
    }
}

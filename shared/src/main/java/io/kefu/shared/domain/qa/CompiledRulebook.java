package io.kefu.shared.domain.qa;

import io.kefu.shared.privacy.PiiKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * A rulebook compiled once per cold start: every phrase of every rule condition and signal list, folded by
 * {@link TextNormalizer}, goes into one multi-pattern matcher; each message is then scanned once, whatever the
 * number of phrases. A hit counts only on word boundaries (a Latin word or number is matched whole, or as a
 * prefix when the phrase ends in "*"), and never across a clause boundary.
 */
public final class CompiledRulebook {
    private static final double DEFAULT_SIMILARITY = 0.75;

    /** left/right: the hit must start/end at a word boundary (the phrase begins/ends with a Latin word char). */
    private record Term(int lexicon, int pattern, int part, boolean left, boolean right) {}

    private record Pattern(int lexicon, int parts) {}

    /** A standard sentence for similarity matching, its character n-grams hashed once per compiled rulebook. */
    record Script(String normalized, GramBag grams) {}

    private final Rulebook rulebook;
    private final PhraseLists lists;
    private final TextNormalizer normalizer;
    private final Map<String, Integer> lexiconIds = new HashMap<>();
    private final List<Term> terms = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final Map<String, CompiledCondition> conditions = new HashMap<>();
    private final PhraseMatcher matcher;
    private final int phraseCount;
    private final Map<String, List<Integer>> keys = new LinkedHashMap<>();
    private int phrases;
    // terms as flat arrays for the per-hit loop of analyze()
    private final int[] termLexicon;
    private final int[] termPattern;
    private final int[] termPart;
    private final boolean[] termLeft;
    private final boolean[] termRight;

    private CompiledRulebook(Rulebook rulebook, PhraseMatcher.Factory factory) {
        this.rulebook = rulebook;
        this.lists = new PhraseLists(rulebook.lists());
        this.normalizer = new TextNormalizer(rulebook.normalization().fillers());
        for (int r = 0; r < rulebook.rules().size(); r++) {
            Rule rule = rulebook.rules().get(r);
            String where = "rules[" + r + "](" + rule.id() + ")";
            boolean ruleExclusion = !rule.exclude().isEmpty();
            Condition condition = rule.condition();
            if (condition != null) {
                String path = rule.when() != null ? where + ".when" : where + ".phrases";
                conditions.put(rule.id(), compile(condition, rule, ruleExclusion, path, new int[] {0}));
            }
            addPhrases(lexicon(Lexicon.repeatAsk(rule.id())), rule.repeatPhrases(), where + ".repeatPhrases");
        }
        var signals = rulebook.signals();
        addPhrases(lexicon(Lexicon.NEGATIVE), signals.negativeEmotion(), "signals.negativeEmotion");
        addPhrases(lexicon(Lexicon.INTENSIFIER), signals.intensifiers(), "signals.intensifiers");
        addPhrases(lexicon(Lexicon.NEGATION), signals.negations(), "signals.negations");
        addPhrases(lexicon(Lexicon.IMPATIENCE), signals.impatience(), "signals.impatience");
        addPhrases(lexicon(Lexicon.RHETORICAL), signals.rhetorical(), "signals.rhetorical");
        addPhrases(lexicon(Lexicon.ACCUSER), signals.accusers(), "signals.accusers");
        addPhrases(lexicon(Lexicon.ACCUSATION), signals.accusations(), "signals.accusations");
        addPhrases(lexicon(Lexicon.NOT_ACCUSER), signals.notAccusers(), "signals.notAccusers");
        addPhrases(lexicon(Lexicon.GRATITUDE), signals.gratitude(), "signals.gratitude");
        addPhrases(lexicon(Lexicon.DELIGHT), signals.delight(), "signals.delight");
        addPhrases(lexicon(Lexicon.PROBLEM), rulebook.complaint().problems(), "complaint.problems");
        addPhrases(lexicon(Lexicon.SELF_CAUSED), rulebook.complaint().selfCaused(), "complaint.selfCaused");
        addPhrases(lexicon(Lexicon.CALM_REQUEST), rulebook.complaint().calmRequests(), "complaint.calmRequests");
        addPhrases(lexicon(Lexicon.NOT_PROBLEM), rulebook.complaint().notProblems(), "complaint.notProblems");
        addPhrases(lexicon(Lexicon.REPEATED), signals.repeatedWords(), "signals.repeatedWords");
        addPhrases(lexicon(Lexicon.TRANSFER_NOTICE), signals.transferNotices(), "signals.transferNotices");
        for (ComplaintType type : ComplaintType.values()) {
            addPhrases(lexicon(Lexicon.complaint(type)), rulebook.complaint().types().getOrDefault(type, List.of()),
                    "complaint.types." + type);
        }
        for (EscalationSignal signal : EscalationSignal.values()) {
            addPhrases(lexicon(Lexicon.escalation(signal)),
                    rulebook.complaint().escalation().getOrDefault(signal, List.of()), "complaint.escalation." + signal);
        }
        Map<String, int[]> frozen = new HashMap<>(keys.size() * 2);
        keys.forEach((key, ids) -> frozen.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        keys.clear();
        this.matcher = factory.build(frozen);
        this.phraseCount = phrases;
        this.termLexicon = terms.stream().mapToInt(Term::lexicon).toArray();
        this.termPattern = terms.stream().mapToInt(Term::pattern).toArray();
        this.termPart = terms.stream().mapToInt(Term::part).toArray();
        this.termLeft = new boolean[terms.size()];
        this.termRight = new boolean[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            termLeft[i] = terms.get(i).left();
            termRight[i] = terms.get(i).right();
        }
    }

    public static CompiledRulebook compile(Rulebook rulebook) {
        return compile(rulebook, AhoCorasickPhraseMatcher::new);
    }

    public static CompiledRulebook compile(Rulebook rulebook, PhraseMatcher.Factory factory) {
        return new CompiledRulebook(rulebook, factory);
    }

    public Rulebook rulebook() {
        return rulebook;
    }

    public int phraseCount() {
        return phraseCount;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    /** -1 when the rulebook has no such list (a lexicon that never matches). */
    int lexiconOf(String name) {
        Integer id = lexiconIds.get(name);
        return id != null ? id : -1;
    }

    /** The compiled condition of a rule (null for timing and PII rules, which have none). */
    CompiledCondition condition(String ruleId) {
        return conditions.get(ruleId);
    }

    private int lexicon(String name) {
        return lexiconIds.computeIfAbsent(name, k -> lexiconIds.size());
    }

    // ------------------------------------------------------------------ compiling conditions

    private CompiledCondition compile(Condition c, Rule rule, boolean ruleExclusion, String path, int[] seq) {
        List<String> ops = c.operators();
        if (ops.size() != 1) {
            throw new InvalidRulebookException(path + ": exactly one operator of any, all, atLeast, none, regex, "
                    + "similar, entity, repeat, and, or, not (found " + (ops.isEmpty() ? "none" : String.join(", ", ops)) + ")");
        }
        String node = "cond:" + rule.id() + ":" + seq[0]++;
        CompiledCondition out = switch (ops.get(0)) {
            case "any" -> keywords(c, CompiledCondition.Op.ANY, node, c.any(), path + ".any");
            case "none" -> keywords(c, CompiledCondition.Op.NONE, node, c.none(), path + ".none");
            case "all" -> keywords(c, CompiledCondition.Op.ALL, node, c.all(), path + ".all");
            case "atLeast" -> {
                if (c.atLeast().n() < 1 || c.atLeast().n() > c.atLeast().of().size()) {
                    throw new InvalidRulebookException(path + ".atLeast.n: between 1 and the number of phrases in of ("
                            + c.atLeast().of().size() + ")");
                }
                CompiledCondition k = keywords(c, CompiledCondition.Op.AT_LEAST, node, c.atLeast().of(), path + ".atLeast.of");
                k.atLeast = c.atLeast().n();
                yield k;
            }
            case "regex" -> {
                CompiledCondition r = new CompiledCondition(c, CompiledCondition.Op.REGEX);
                r.regex = regex(c.regex(), path + ".regex");
                r.excludeRegex = c.excludeRegex() == null ? null : regex(c.excludeRegex(), path + ".excludeRegex");
                yield r;
            }
            case "similar" -> similar(c, path + ".similar");
            case "entity" -> entity(c, path + ".entity");
            case "repeat" -> {
                CompiledCondition r = new CompiledCondition(c, CompiledCondition.Op.REPEAT);
                r.repeatWithin = c.repeat().within() == null ? 3 : c.repeat().within();
                r.threshold = c.repeat().threshold() == null ? 0.6 : c.repeat().threshold();
                if (r.repeatWithin < 1) {
                    throw new InvalidRulebookException(path + ".repeat.within: must be >= 1");
                }
                checkThreshold(r.threshold, path + ".repeat.threshold");
                yield r;
            }
            case "and", "or" -> {
                boolean and = ops.get(0).equals("and");
                List<Condition> parts = and ? c.and() : c.or();
                CompiledCondition b = new CompiledCondition(c, and ? CompiledCondition.Op.AND : CompiledCondition.Op.OR);
                List<CompiledCondition> children = new ArrayList<>(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                    children.add(compile(parts.get(i), rule, ruleExclusion, path + "." + ops.get(0) + "[" + i + "]", seq));
                }
                b.children = children;
                yield b;
            }
            default -> {
                CompiledCondition n = new CompiledCondition(c, CompiledCondition.Op.NOT);
                n.children = List.of(compile(c.not(), rule, ruleExclusion, path + ".not", seq));
                yield n;
            }
        };
        // exclusions: this node's phrases, plus the rule's
        if (!c.exclude().isEmpty() || ruleExclusion) {
            int own = lexicon(node + ":exclude");
            addPhrases(own, c.exclude(), path + ".exclude");
            addPhrases(own, rule.exclude(), "rules(" + rule.id() + ").exclude");
            out.excluded = own;
        }
        if (c.range() != null) {
            Integer first = c.range().first();
            Integer last = c.range().last();
            if ((first == null) == (last == null) || (first != null && first < 1) || (last != null && last < 1)) {
                throw new InvalidRulebookException(path + ".range: exactly one of first or last, >= 1");
            }
        }
        if (c.anchor() != null) {
            if (c.anchor().to() == null) {
                throw new InvalidRulebookException(path + ".anchor.to: required (the condition to anchor to)");
            }
            if (c.anchor().within() != null && c.anchor().within() < 1) {
                throw new InvalidRulebookException(path + ".anchor.within: must be >= 1");
            }
            out.anchor = compile(c.anchor().to(), rule, ruleExclusion, path + ".anchor.to", seq);
        }
        return out;
    }

    private CompiledCondition keywords(Condition c, CompiledCondition.Op op, String node, List<String> list, String path) {
        CompiledCondition k = new CompiledCondition(c, op);
        if (op == CompiledCondition.Op.ANY || op == CompiledCondition.Op.NONE) {
            k.lexicon = lexicon(node);
            addPhrases(k.lexicon, list, path);
        } else {
            k.each = new int[list.size()];
            for (int i = 0; i < list.size(); i++) {
                k.each[i] = lexicon(node + ":" + i);
                addPhrases(k.each[i], List.of(list.get(i)), path + "[" + i + "]");
            }
        }
        return k;
    }

    private CompiledCondition similar(Condition c, String path) {
        CompiledCondition s = new CompiledCondition(c, CompiledCondition.Op.SIMILAR);
        if (c.similar().scripts().isEmpty()) {
            throw new InvalidRulebookException(path + ".scripts: at least one standard sentence");
        }
        s.threshold = c.similar().threshold() == null ? DEFAULT_SIMILARITY : c.similar().threshold();
        checkThreshold(s.threshold, path + ".threshold");
        List<Script> compiled = new ArrayList<>();
        for (String script : c.similar().scripts()) {
            String normalized = scriptText(normalizer.normalizeToString(script));
            compiled.add(new Script(normalized, GramBag.of(normalized)));
        }
        s.scripts = compiled;
        return s;
    }

    /** A standard sentence as one clause: its own clause breaks become a word gap between Latin words, else nothing. */
    private static String scriptText(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c != TextNormalizer.CLAUSE) {
                out.append(c);
            } else if (i > 0 && i + 1 < normalized.length() && TextNormalizer.wordChar(normalized.charAt(i - 1))
                    && TextNormalizer.wordChar(normalized.charAt(i + 1))) {
                out.append(TextNormalizer.WORD_GAP);
            }
        }
        return out.toString();
    }

    private static CompiledCondition entity(Condition c, String path) {
        CompiledCondition e = new CompiledCondition(c, CompiledCondition.Op.ENTITY);
        Set<PiiKind> kinds = EnumSet.noneOf(PiiKind.class);
        for (String name : c.entity()) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "phone" -> {
                    kinds.add(PiiKind.MOBILE);
                    kinds.add(PiiKind.LANDLINE);
                }
                case "mobile" -> kinds.add(PiiKind.MOBILE);
                case "id" -> kinds.add(PiiKind.ID_NUMBER);
                case "card" -> kinds.add(PiiKind.BANK_CARD);
                case "email" -> kinds.add(PiiKind.EMAIL);
                case "address" -> kinds.add(PiiKind.ADDRESS);
                case "order" -> e.orderNumbers = true;
                default -> throw new InvalidRulebookException(path + ": unknown entity '" + name
                        + "' (phone, mobile, id, card, email, address, order)");
            }
        }
        e.entityKinds = kinds;
        return e;
    }

    private static java.util.regex.Pattern regex(String source, String path) {
        try {
            return java.util.regex.Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new InvalidRulebookException(path + ": invalid regex: " + e.getDescription());
        }
    }

    private static void checkThreshold(double value, String path) {
        if (value <= 0 || value > 1) {
            throw new InvalidRulebookException(path + ": between 0 (exclusive) and 1");
        }
    }

    // ------------------------------------------------------------------ phrases into the automaton

    private void addPhrases(int lexicon, List<String> list, String path) {
        for (String phrase : lists.expand(list, path)) {
            if (phrase == null || phrase.isBlank()) {
                throw new InvalidRulebookException(path + ": empty phrase");
            }
            String trimmed = phrase.strip();
            boolean prefix = trimmed.length() > 1 && trimmed.endsWith("*");
            String body = prefix ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            if (body.contains("*")) {
                addPattern(lexicon, body, prefix, path);
            } else {
                addKeys(body, checked(body, phrase, path), lexicon, -1, 0, prefix);
            }
            phrases++;
        }
    }

    /**
     * A prefix is not a word, so its stem can differ from the stems of the words it starts: "irritat*" must find
     * "irritating", which the English stemmer folds to "irrit". The stems of the prefix's own inflections
     * (+e, +ed, +ing, +ion) are prefixes too; none shorter than four characters, so "us*" stays "us".
     */
    private List<String> inflectedStems(String body, String normalized) {
        List<String> out = new ArrayList<>(2);
        char last = body.charAt(body.length() - 1);
        if (!(last >= 'a' && last <= 'z' || last >= 'A' && last <= 'Z')) {
            return out;
        }
        for (String ending : new String[] {"e", "ed", "ing", "ion"}) {
            String stem = normalizer.normalizeToString(body + ending);
            // a stem the prefix already covers ("deliver" -> "deliveri") needs no key of its own
            if (stem.length() >= 4 && !stem.startsWith(normalized) && !out.contains(stem)) {
                out.add(stem);
            }
        }
        return out;
    }

    private String checked(String text, String phrase, String path) {
        String normalized = normalizer.normalizeToString(text);
        if (normalized.codePointCount(0, normalized.length()) < 2 && text.strip().length() > 1
                && !(normalized.length() >= 1 && TextNormalizer.wordChar(normalized.charAt(0)))) {
            // "亲爱滴" minus fillers would be "爱" and match every 爱买不买: a rulebook bug, not a phrase.
            throw new InvalidRulebookException(path + ": phrase '" + phrase + "' normalizes to '" + normalized
                    + "' (punctuation and fillers removed): too short to match safely");
        }
        if (normalized.isEmpty()) {
            throw new InvalidRulebookException(path + ": phrase '" + phrase + "' is empty once punctuation is removed");
        }
        return normalized;
    }

    private void addPattern(int lexicon, String pattern, boolean prefix, String path) {
        List<String> bodies = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("\\*")) {
            String n = normalizer.normalizeToString(part);
            if (!n.isEmpty()) {
                bodies.add(part.strip());
                parts.add(n);
            }
        }
        if (parts.isEmpty()) {
            throw new InvalidRulebookException(path + ": empty pattern '" + pattern + "'");
        }
        if (parts.size() == 1) {
            addKeys(bodies.get(0), parts.get(0), lexicon, -1, 0, prefix);
            return;
        }
        int patternId = patterns.size();
        patterns.add(new Pattern(lexicon, parts.size()));
        for (int i = 0; i < parts.size(); i++) {
            addKeys(bodies.get(i), parts.get(i), lexicon, patternId, i, prefix && i == parts.size() - 1);
        }
    }

    /** A phrase or pattern part's key, and for a prefix the stems of its inflections too (see inflectedStems). */
    private void addKeys(String body, String normalized, int lexicon, int pattern, int part, boolean prefix) {
        addKey(normalized, lexicon, pattern, part, prefix);
        if (prefix) {
            for (String stem : inflectedStems(body, normalized)) {
                addKey(stem, lexicon, pattern, part, true);
            }
        }
    }

    private void addKey(String normalized, int lexicon, int pattern, int part, boolean prefix) {
        boolean left = TextNormalizer.wordChar(normalized.charAt(0));
        boolean right = !prefix && TextNormalizer.wordChar(normalized.charAt(normalized.length() - 1));
        int termId = terms.size();
        terms.add(new Term(lexicon, pattern, part, left, right));
        keys.computeIfAbsent(normalized, k -> new ArrayList<>(1)).add(termId);
    }

    // ------------------------------------------------------------------ scanning a message

    public MessageHits analyze(String raw) {
        NormalizedText normalized = normalizer.normalize(raw);
        MessageHits hits = new MessageHits(raw, normalized, lexiconIds.size());
        PartHits partHits = patterns.isEmpty() ? null : new PartHits();
        String text = normalized.text();
        matcher.scan(text, (begin, end, termIds) -> {
            boolean leftOpen = begin > 0 && TextNormalizer.wordChar(text.charAt(begin - 1));
            boolean rightOpen = end < text.length() && TextNormalizer.wordChar(text.charAt(end));
            for (int id : termIds) {
                if ((termLeft[id] && leftOpen) || (termRight[id] && rightOpen)) {
                    continue; // inside a word or number: "closer" is not "loser", 666 in an order number is not slang
                }
                int pattern = termPattern[id];
                if (pattern < 0) {
                    hits.record(termLexicon[id], begin, end);
                } else if (partHits != null) {
                    partHits.add(pattern, termPart[id], begin, end);
                }
            }
        });
        if (partHits != null && partHits.size > 0) {
            matchPatterns(partHits, hits, text);
        }
        return hits;
    }

    /**
     * Hits of the parts of "a*b" patterns, flat (pattern, part, begin, end per hit): a message of common words
     * has dozens, and one int[] per hit in a growing list cost more than the matching.
     */
    private static final class PartHits {
        int[] at = new int[64];
        int size;

        void add(int pattern, int part, int begin, int end) {
            if (4 * size + 4 > at.length) {
                at = Arrays.copyOf(at, 2 * at.length);
            }
            int k = 4 * size++;
            at[k] = pattern;
            at[k + 1] = part;
            at[k + 2] = begin;
            at[k + 3] = end;
        }

        /** By begin, then part; stable. An insertion sort: hits arrive by end, so begins are nearly in order. */
        void sort() {
            int[] hit = new int[4];
            for (int i = 1; i < size; i++) {
                System.arraycopy(at, 4 * i, hit, 0, 4);
                int j = i - 1;
                while (j >= 0 && (at[4 * j + 2] > hit[2] || (at[4 * j + 2] == hit[2] && at[4 * j + 1] > hit[1]))) {
                    System.arraycopy(at, 4 * j, at, 4 * j + 4, 4);
                    j--;
                }
                System.arraycopy(hit, 0, at, 4 * j + 4, 4);
            }
        }
    }

    /** A pattern matches when its parts occur in order in one clause, each at most MAX_PATTERN_GAP chars after the previous. */
    private void matchPatterns(PartHits partHits, MessageHits hits, String text) {
        partHits.sort();
        int[] at = partHits.at;
        for (int s = 0; s < partHits.size; s++) {
            int startPattern = at[4 * s];
            if (at[4 * s + 1] != 0) {
                continue;
            }
            Pattern pattern = patterns.get(startPattern);
            int part = 1;
            int end = at[4 * s + 3];
            for (int k = 0; k < partHits.size; k++) {
                if (part == pattern.parts()) {
                    break;
                }
                int nextBegin = at[4 * k + 2];
                if (at[4 * k] == startPattern && at[4 * k + 1] == part && nextBegin >= end
                        && nextBegin - end <= Rule.MAX_PATTERN_GAP && noClauseBreak(text, end, nextBegin)) {
                    part++;
                    end = at[4 * k + 3];
                }
            }
            if (part == pattern.parts()) {
                hits.record(pattern.lexicon(), at[4 * s + 2], end);
            }
        }
    }

    private static boolean noClauseBreak(String text, int from, int to) {
        int at = text.indexOf(TextNormalizer.CLAUSE, from);
        return at < 0 || at >= to;
    }

    // ------------------------------------------------------------------ similarity

    /** Share of the script's n-grams (multiset) that the clause contains. */
    static double coverage(int[] clause, GramBag script) {
        return clause.length == 0 || script.size() == 0 ? 0 : (double) script.common(clause) / script.size();
    }

    /** Dice coefficient of two messages' n-gram multisets (symmetric: for "said nearly the same thing again"). */
    static double dice(MessageHits a, MessageHits b) {
        int[] grams = a.grams();
        int other = b.gramBag().size();
        return grams.length == 0 || other == 0 ? 0 : 2.0 * b.gramBag().common(grams) / (grams.length + other);
    }

    /**
     * The first clause of the message close to one of the scripts (coverage of the script's character 1- and
     * 2-grams >= threshold), as [begin, end) in the normalized text, or null. A clause over four times the
     * script's length is not a paraphrase of it (it would cover anything), and a clause overlapping an
     * excluded phrase does not count.
     */
    static int[] similarClause(List<Script> scripts, double threshold, MessageHits message, int excluded) {
        int[] bounds = message.clauseBounds();
        for (int c = 0; c < bounds.length / 2; c++) {
            int length = bounds[2 * c + 1] - bounds[2 * c];
            if (length == 0) {
                continue;
            }
            int clauseGrams = 2 * length - 1;
            for (Script script : scripts) {
                if (length <= 4 * script.normalized().length()
                        && (script.grams().size() == 0 || (double) clauseGrams / script.grams().size() >= threshold)
                        && coverage(message.clauseGrams(c), script.grams()) >= threshold
                        && !message.overlaps(excluded, bounds[2 * c], bounds[2 * c + 1])) {
                    return new int[] {bounds[2 * c], bounds[2 * c + 1]};
                }
            }
        }
        return null;
    }
}

package io.kefu.shared.domain.qa;

import io.kefu.shared.privacy.PiiMatch;
import io.kefu.shared.privacy.PiiRedactor;
import io.kefu.shared.privacy.RedactionMarks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link CompiledCondition} over a chat: for each message, the evidence of a hit (raw text, redact
 * before storing) or null. Messages outside the condition's role or range are never hits.
 */
final class ConditionEvaluator {
    private static final Pattern ORDER_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(?:[A-Za-z]{1,4})?[0-9]{10,24}(?![0-9])");
    private static final int DEFAULT_ANCHOR_WITHIN = 2;
    private static final String[][] NO_CHILDREN = new String[0][];

    private ConditionEvaluator() {}

    /** @param role the role looked at unless the condition names its own */
    static String[] evaluate(CompiledCondition c, ChatAnalysis chat, Role role) {
        return evaluate(c, chat, role, null);
    }

    /**
     * @param range where the rule kind looks (the first reply for a greeting, the last ones for a closing) unless
     *     the condition names its own: sentences outside it are not evaluated at all
     */
    static String[] evaluate(CompiledCondition c, ChatAnalysis chat, Role role, Condition.Range range) {
        Role scope = c.source.role() != null ? c.source.role() : role;
        List<Integer> sentences = chat.of(scope);
        String[] out = new String[chat.size()];
        int from = 0;
        int to = sentences.size();
        Condition.Range effective = c.source.range() != null ? c.source.range() : range;
        if (effective != null) {
            Integer first = effective.first();
            Integer last = effective.last();
            if (first != null) {
                to = Math.min(to, first);
            } else {
                from = Math.max(0, to - last);
            }
        }
        // a child with its own role, range or anchor is evaluated over the chat; the others sentence by
        // sentence, short-circuited (a keyword hit spares the similarity of an OR)
        String[][] children = new String[c.children.size()][];
        for (int k = 0; k < children.length; k++) {
            if (scoped(c.children.get(k))) {
                children[k] = evaluate(c.children.get(k), chat, scope, c.source.role() == null ? effective : null);
            }
        }
        for (int s = from; s < to; s++) {
            int i = sentences.get(s);
            out[i] = at(c, chat, i, s, sentences, children);
        }
        if (c.anchor != null) {
            anchor(c, chat, scope, out);
        }
        return out;
    }

    private static String at(CompiledCondition c, ChatAnalysis chat, int i, int s, List<Integer> sentences, String[][] children) {
        MessageHits h = chat.hits.get(i);
        switch (c.op) {
            case ANY:
                return h.evidenceOutside(c.lexicon, c.excluded);
            case NONE:
                return h.countOutside(c.lexicon, c.excluded) == 0 ? h.raw() : null;
            case ALL:
            case AT_LEAST: {
                int need = c.op == CompiledCondition.Op.ALL ? c.each.length : c.atLeast;
                int found = 0;
                int firstBegin = Integer.MAX_VALUE;
                String evidence = null;
                for (int lexicon : c.each) {
                    int begin = h.beginOutside(lexicon, c.excluded);
                    if (begin >= 0) {
                        found++;
                        if (begin < firstBegin) {
                            firstBegin = begin;
                            evidence = h.evidenceOutside(lexicon, c.excluded);
                        }
                    }
                }
                return found >= need ? evidence : null;
            }
            case REGEX: {
                String text = h.normalizedText();
                Matcher m = c.regex.matcher(text);
                // "^..." needs no scan of every start position
                boolean found = c.regex.pattern().startsWith("^") ? m.lookingAt() : m.find();
                if (!found || (c.excludeRegex != null && c.excludeRegex.matcher(text).find())) {
                    return null;
                }
                return m.end() > m.start() ? h.original(m.start(), m.end()) : h.raw();
            }
            case SIMILAR: {
                int[] clause = CompiledRulebook.similarClause(c.scripts, c.threshold, h, c.excluded);
                return clause == null ? null : h.original(clause[0], clause[1]);
            }
            case ENTITY:
                return entity(c, h.raw());
            case REPEAT: {
                if (h.normalizedText().length() < 4) {
                    return null;
                }
                for (int back = 1; back <= c.repeatWithin && s - back >= 0; back++) {
                    MessageHits earlier = chat.hits.get(sentences.get(s - back));
                    if (earlier.normalizedText().length() >= 4
                            && CompiledRulebook.dice(h, earlier) >= c.threshold) {
                        return h.raw();
                    }
                }
                return null;
            }
            case AND: {
                String first = null;
                for (int k = 0; k < children.length; k++) {
                    String hit = child(c, k, chat, i, s, sentences, children);
                    if (hit == null) {
                        return null;
                    }
                    first = first == null ? hit : first;
                }
                return first;
            }
            case OR:
                for (int k = 0; k < children.length; k++) {
                    String hit = child(c, k, chat, i, s, sentences, children);
                    if (hit != null) {
                        return hit;
                    }
                }
                return null;
            default: // NOT
                return child(c, 0, chat, i, s, sentences, children) == null ? h.raw() : null;
        }
    }

    private static boolean scoped(CompiledCondition c) {
        return c.source.role() != null || c.source.range() != null || c.anchor != null;
    }

    private static String child(CompiledCondition c, int k, ChatAnalysis chat, int i, int s, List<Integer> sentences,
            String[][] evaluated) {
        if (evaluated[k] != null) {
            return evaluated[k][i];
        }
        CompiledCondition child = c.children.get(k);
        if (child.children.isEmpty()) {
            return at(child, chat, i, s, sentences, NO_CHILDREN); // a leaf: nothing to allocate per sentence
        }
        String[][] grandchildren = new String[child.children.size()][];
        for (int g = 0; g < grandchildren.length; g++) {
            if (scoped(child.children.get(g))) {
                grandchildren[g] = evaluate(child.children.get(g), chat, chat.message(i).role(), null);
            }
        }
        return at(child, chat, i, s, sentences, grandchildren);
    }

    private static String entity(CompiledCondition c, String raw) {
        if (!c.entityKinds.isEmpty()) {
            List<PiiMatch> found = PiiRedactor.find(raw);
            if (found.isEmpty()) {
                found = RedactionMarks.find(raw); // a stored transcript is already redacted
            }
            for (PiiMatch m : found) {
                if (c.entityKinds.contains(m.kind())) {
                    return raw.substring(m.start(), m.end());
                }
            }
        }
        if (c.orderNumbers) {
            Matcher m = ORDER_NUMBER.matcher(raw);
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    /** Keep only hits within N sentences (of this condition's role) before / after / around a hit of the anchor. */
    private static void anchor(CompiledCondition c, ChatAnalysis chat, Role scope, String[] out) {
        if (Arrays.stream(out).allMatch(Objects::isNull)) {
            return; // no hit to keep or drop: the anchor's own condition (a regex over every sentence, say) is not run
        }
        String[] anchors = evaluate(c.anchor, chat, scope);
        Condition.Anchor a = c.source.anchor();
        int within = a.within() == null ? DEFAULT_ANCHOR_WITHIN : a.within();
        Condition.Direction direction = a.direction() == null ? Condition.Direction.after : a.direction();
        List<Integer> sentences = chat.of(scope);
        for (int s = 0; s < sentences.size(); s++) {
            int i = sentences.get(s);
            if (out[i] != null && !nearAnchor(anchors, sentences, s, within, direction)) {
                out[i] = null;
            }
        }
    }

    /** Whether sentence s is among the first N role sentences after / last N before an anchor hit. */
    static boolean nearAnchor(String[] anchors, List<Integer> sentences, int s, int within, Condition.Direction direction) {
        int i = sentences.get(s);
        if (direction != Condition.Direction.before) {
            int lowest = s - within < 0 ? -1 : sentences.get(s - within);
            for (int j = i - 1; j > lowest; j--) {
                if (anchors[j] != null) {
                    return true;
                }
            }
        }
        if (direction != Condition.Direction.after) {
            int highest = s + within >= sentences.size() ? anchors.length : sentences.get(s + within);
            for (int j = i + 1; j < highest; j++) {
                if (anchors[j] != null) {
                    return true;
                }
            }
        }
        return false;
    }
}

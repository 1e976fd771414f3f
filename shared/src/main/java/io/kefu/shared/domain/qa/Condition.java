package io.kefu.shared.domain.qa;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One condition of the rule model, as a QA lead writes it under a rule's {@code when:}. Exactly one
 * operator per node:
 * <ul>
 *   <li>{@code any} / {@code all} / {@code none}: keyword lists ("a*b": parts in order, at most
 *       {@link Rule#MAX_PATTERN_GAP} chars apart; "deliver*": a word prefix); {@code atLeast: {n, of}};</li>
 *   <li>{@code regex} (on the folded text of the sentence) with {@code excludeRegex};</li>
 *   <li>{@code similar: {scripts, threshold}}: a clause is close to a standard sentence;</li>
 *   <li>{@code entity: [phone, id, card, email, address, order]};</li>
 *   <li>{@code repeat: {within, threshold}}: the speaker says nearly the same thing again within N of their sentences;</li>
 *   <li>{@code and} / {@code or} / {@code not}: combinations.</li>
 * </ul>
 * Every node may narrow where it looks: {@code role} (agent, customer), {@code range} (first N / last N of
 * that role's sentences), {@code anchor} (within N sentences before / after / around another condition's
 * hit), and {@code exclude}: phrases that cancel a keyword or similarity hit they overlap. A sentence is one
 * chat message; clauses inside it are split at sentence punctuation and line breaks.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Condition(
        List<String> any,
        List<String> all,
        AtLeast atLeast,
        List<String> none,
        String regex,
        String excludeRegex,
        Similar similar,
        List<String> entity,
        Repeat repeat,
        List<Condition> and,
        List<Condition> or,
        Condition not,
        Role role,
        Range range,
        Anchor anchor,
        List<String> exclude) {

    public record AtLeast(int n, List<String> of) {
        public AtLeast {
            of = of == null ? List.of() : List.copyOf(of);
        }
    }

    public record Similar(List<String> scripts, Double threshold) {
        public Similar {
            scripts = scripts == null ? List.of() : List.copyOf(scripts);
        }
    }

    public record Repeat(Integer within, Double threshold) {}

    /** {@code first: N} or {@code last: N} sentences of the condition's role. */
    public record Range(Integer first, Integer last) {}

    public enum Direction { before, after, around }

    public record Anchor(Condition to, Direction direction, Integer within) {}

    public Condition {
        any = copy(any);
        all = copy(all);
        none = copy(none);
        entity = copy(entity);
        and = and == null ? List.of() : List.copyOf(and);
        or = or == null ? List.of() : List.copyOf(or);
        exclude = copy(exclude);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static Condition anyOf(List<String> phrases) {
        return new Condition(phrases, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static Condition similarTo(List<String> scripts, Double threshold) {
        return new Condition(null, null, null, null, null, null, new Similar(scripts, threshold), null, null, null, null,
                null, null, null, null, null);
    }

    public static Condition orOf(List<Condition> parts) {
        return parts.size() == 1 ? parts.get(0)
                : new Condition(null, null, null, null, null, null, null, null, null, null, parts, null, null, null, null, null);
    }

    /** The operators set on this node (validation requires exactly one). */
    List<String> operators() {
        List<String> out = new java.util.ArrayList<>();
        if (!any.isEmpty()) out.add("any");
        if (!all.isEmpty()) out.add("all");
        if (atLeast != null) out.add("atLeast");
        if (!none.isEmpty()) out.add("none");
        if (regex != null) out.add("regex");
        if (similar != null) out.add("similar");
        if (!entity.isEmpty()) out.add("entity");
        if (repeat != null) out.add("repeat");
        if (!and.isEmpty()) out.add("and");
        if (!or.isEmpty()) out.add("or");
        if (not != null) out.add("not");
        return out;
    }
}

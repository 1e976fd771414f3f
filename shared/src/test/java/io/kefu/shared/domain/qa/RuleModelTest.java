package io.kefu.shared.domain.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rule model's operators, scopes, anchors, exclusions and sections, and its validation messages. */
class RuleModelTest {
    private static final String HEAD = """
            id: model-test
            version: 1
            sections:
              - id: opening
              - id: care
            rules:
              - id: first-response
                kind: FIRST_RESPONSE
                section: opening
                weight: 50
                seconds: 600
            """;

    private static QaScore score(String rules, Chat chat) {
        Rulebook book = RulebookLoader.fromYaml(HEAD + rules);
        return new Scorer(CompiledRulebook.compile(book)).score(chat.build());
    }

    private static Outcome outcome(String rules, Chat chat, String rule) {
        return ScorerFixture.finding(score(rules, chat), rule).outcome();
    }

    private static final String CHECK = """
              - id: check
                kind: CHECK
                section: care
                weight: 50
            """;

    @Test
    void allAndAtLeastAndNone() {
        String all = CHECK + "    when: {all: [订单号, 已发货]}\n";
        assertThat(outcome(all, Chat.zh().customer(0, "?").agent(1, "订单号123已发货"), "check")).isEqualTo(Outcome.PASS);
        assertThat(outcome(all, Chat.zh().customer(0, "?").agent(1, "订单号123"), "check")).isEqualTo(Outcome.FAIL);
        String atLeast = CHECK + "    when: {atLeast: {n: 2, of: [核实, 登记, 反馈]}}\n";
        assertThat(outcome(atLeast, Chat.zh().customer(0, "?").agent(1, "已登记，核实后反馈"), "check")).isEqualTo(Outcome.PASS);
        assertThat(outcome(atLeast, Chat.zh().customer(0, "?").agent(1, "已登记"), "check")).isEqualTo(Outcome.FAIL);
        String none = CHECK + "    when: {none: [亲爱的]}\n";
        assertThat(outcome(none, Chat.zh().customer(0, "?").agent(1, "您好"), "check")).isEqualTo(Outcome.PASS);
    }

    @Test
    void regexWithExclusionRegexOnTheFoldedText() {
        String rules = CHECK + """
                    expect: absent
                    when: {regex: "\\\\d{6}", excludeRegex: "订单"}
                """;
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "验证码是123456"), "check")).isEqualTo(Outcome.FAIL);
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "订单123456"), "check")).isEqualTo(Outcome.PASS);
    }

    @Test
    void similarityIsPerClauseWithAThreshold() {
        String rules = CHECK + "    when: {similar: {scripts: [请问还有其他可以帮您的吗], threshold: 0.65}}\n";
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "好的。请问还有别的可以帮您吗？物流信息稍后会更新"), "check"))
                .isEqualTo(Outcome.PASS);
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "物流信息稍后会更新"), "check")).isEqualTo(Outcome.FAIL);
    }

    @Test
    void entityUsesThePiiRedactorAndOrderNumbers() {
        String phone = CHECK + "    expect: absent\n    when: {entity: [phone]}\n";
        assertThat(outcome(phone, Chat.zh().customer(0, "?").agent(1, "您的手机13812345678"), "check")).isEqualTo(Outcome.FAIL);
        String order = CHECK + "    when: {entity: [order], role: customer}\n";
        assertThat(outcome(order, Chat.zh().customer(0, "订单2026111100012345678").agent(1, "好"), "check")).isEqualTo(Outcome.PASS);
    }

    @Test
    void repeatFindsTheCustomerSayingNearlyTheSameAgain() {
        String rules = CHECK + "    expect: absent\n    when: {repeat: {within: 3, threshold: 0.6}, role: customer}\n";
        var chat = Chat.zh().customer(0, "我的快递三天没更新了").agent(1, "好的").customer(5, "我的快递三天都没有更新了");
        assertThat(outcome(rules, chat, "check")).isEqualTo(Outcome.FAIL);
        assertThat(outcome(rules, Chat.zh().customer(0, "我的快递三天没更新了").agent(1, "好的").customer(5, "谢谢"), "check"))
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void rangeAndRoleScopeWhereTheConditionIsLooked() {
        String rules = CHECK + "    when: {any: [工号], range: {first: 1}}\n";
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "工号1001为您服务"), "check")).isEqualTo(Outcome.PASS);
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "您好").agent(1, "工号1001"), "check")).isEqualTo(Outcome.FAIL);
        String customer = CHECK + "    when: {any: [工号], role: customer}\n";
        assertThat(outcome(customer, Chat.zh().customer(0, "?").agent(1, "工号1001"), "check")).isEqualTo(Outcome.FAIL);
    }

    @Test
    void anchoredConditionOnlyCountsNearTheAnchor() {
        String rules = CHECK + """
                    when:
                      any: [抱歉]
                      anchor: {to: {any: [投诉], role: customer}, direction: after, within: 1}
                """;
        assertThat(outcome(rules, Chat.zh().customer(0, "我要投诉").agent(1, "抱歉"), "check")).isEqualTo(Outcome.PASS);
        assertThat(outcome(rules, Chat.zh().customer(0, "我要投诉").agent(1, "好的").agent(1, "抱歉"), "check"))
                .isEqualTo(Outcome.FAIL);
        assertThat(outcome(rules, Chat.zh().agent(0, "抱歉").customer(1, "我要投诉"), "check")).isEqualTo(Outcome.FAIL);
        String before = rules.replace("direction: after", "direction: before");
        assertThat(outcome(before, Chat.zh().agent(0, "抱歉").customer(1, "我要投诉"), "check")).isEqualTo(Outcome.PASS);
    }

    @Test
    void andOrNotCombine() {
        String rules = CHECK + """
                    when:
                      and:
                        - any: [退款]
                        - not: {any: [已退款]}
                """;
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "退款处理中"), "check")).isEqualTo(Outcome.PASS);
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "已退款"), "check")).isEqualTo(Outcome.FAIL);
        String or = CHECK + "    when: {or: [{any: [发票]}, {any: [收据]}]}\n";
        assertThat(outcome(or, Chat.zh().customer(0, "?").agent(1, "收据已开"), "check")).isEqualTo(Outcome.PASS);
    }

    @Test
    void ruleExclusionCancelsTheHitItOverlaps() {
        String rules = CHECK + "    expect: absent\n    when: {any: [不知道]}\n    exclude: [不知道您是否]\n";
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "不知道您是否还需要"), "check")).isEqualTo(Outcome.PASS);
        assertThat(outcome(rules, Chat.zh().customer(0, "?").agent(1, "不知道您是否还需要。我也不知道"), "check"))
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void autoFailItemZeroesItsSection() {
        String rules = """
                  - id: verify
                    kind: CHECK
                    section: opening
                    autoFail: true
                    weight: 25
                    when: {any: [核实身份]}
                  - id: polite
                    kind: CHECK
                    section: care
                    weight: 25
                    when: {any: [您好]}
                """;
        var s = score(rules, Chat.zh().customer(0, "?").agent(1, "您好"));
        assertThat(ScorerFixture.finding(s, "first-response").outcome()).isEqualTo(Outcome.PASS);
        assertThat(ScorerFixture.finding(s, "first-response").points()).isZero();
        assertThat(ScorerFixture.finding(s, "first-response").reason()).contains("opening");
        assertThat(ScorerFixture.finding(s, "polite").points()).isEqualTo(25);
        assertThat(s.score()).isEqualTo(25);
    }

    /** HEAD with a {@code lists:} block (lines of YAML, indented two spaces) before its rules. */
    private static String withLists(String lists, String rules) {
        return HEAD.replace("rules:\n", "lists:\n" + lists + "rules:\n") + rules;
    }

    private static Outcome outcomeWithLists(String lists, String rules, Chat chat) {
        Rulebook book = RulebookLoader.fromYaml(withLists(lists, rules));
        return ScorerFixture.finding(new Scorer(CompiledRulebook.compile(book)).score(chat.build()), "check").outcome();
    }

    @Test
    void aNamedListStandsForItsPhrasesWhereverItIsNamed() {
        String lists = "  refusals: [不可以, 不能, 不行]\n  reasons: [因为, 所以]\n";
        // in any, beside phrases of its own
        String any = CHECK + "    expect: absent\n    when: {any: [\"@refusals\", 没办法]}\n";
        assertThat(outcomeWithLists(lists, any, Chat.zh().customer(0, "改地址").agent(1, "不行的"))).isEqualTo(Outcome.FAIL);
        assertThat(outcomeWithLists(lists, any, Chat.zh().customer(0, "改地址").agent(1, "没办法"))).isEqualTo(Outcome.FAIL);
        assertThat(outcomeWithLists(lists, any, Chat.zh().customer(0, "改地址").agent(1, "好的"))).isEqualTo(Outcome.PASS);
        // in none, and in an exclusion
        String refusedWithoutReason = CHECK + "    expect: absent\n"
                + "    when: {and: [{any: [\"@refusals\"]}, {none: [\"@reasons\"]}]}\n";
        assertThat(outcomeWithLists(lists, refusedWithoutReason, Chat.zh().customer(0, "改地址").agent(1, "不能改")))
                .isEqualTo(Outcome.FAIL);
        assertThat(outcomeWithLists(lists, refusedWithoutReason,
                Chat.zh().customer(0, "改地址").agent(1, "因为已出库所以不能改"))).isEqualTo(Outcome.PASS);
        String excluded = CHECK + "    expect: absent\n    when: {any: [不能], exclude: [\"@explained\"]}\n";
        String explained = "  explained: [所以不能, 因为不能]\n";
        assertThat(outcomeWithLists(explained, excluded, Chat.zh().customer(0, "?").agent(1, "所以不能改")))
                .isEqualTo(Outcome.PASS);
        assertThat(outcomeWithLists(explained, excluded, Chat.zh().customer(0, "?").agent(1, "不能改")))
                .isEqualTo(Outcome.FAIL);
        // under all and atLeast a named list is one item, met by any of its phrases
        String all = CHECK + "    when: {all: [\"@refusals\", 抱歉]}\n";
        assertThat(outcomeWithLists(lists, all, Chat.zh().customer(0, "?").agent(1, "抱歉，不可以"))).isEqualTo(Outcome.PASS);
        assertThat(outcomeWithLists(lists, all, Chat.zh().customer(0, "?").agent(1, "不可以，不行"))).isEqualTo(Outcome.FAIL);
        String atLeast = CHECK + "    when: {atLeast: {n: 2, of: [\"@refusals\", \"@reasons\"]}}\n";
        assertThat(outcomeWithLists(lists, atLeast, Chat.zh().customer(0, "?").agent(1, "因为缺货不能发"))).isEqualTo(Outcome.PASS);
        assertThat(outcomeWithLists(lists, atLeast, Chat.zh().customer(0, "?").agent(1, "不能，不行"))).isEqualTo(Outcome.FAIL);
    }

    @Test
    void namedListsAreRefusedAtLoadNamingTheField() {
        String rules = CHECK + "    when: {and: [{any: [x1]}, {none: [y2, \"@reasons\"]}]}\n";
        assertThatThrownBy(() -> RulebookLoader.fromYaml(withLists("  refusals: [不能]\n", rules)))
                .isInstanceOf(InvalidRulebookException.class)
                .hasMessageContaining("rules[1](check).when.and[1].none[1]: no list 'reasons' under lists [refusals]");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK + "    when: {all: [x1, \"@reasons\"]}\n"))
                .hasMessageContaining("rules[1](check).when.all[1]: no list 'reasons'");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(withLists("  a: [\"@b\"]\n  b: [不能]\n", CHECK + "    when: {any: [x1]}\n")))
                .hasMessageContaining("lists.a[0]: '@b' names a list; a list holds phrases only");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(withLists("  Refusals: [不能]\n", CHECK + "    when: {any: [x1]}\n")))
                .hasMessageContaining("lists.Refusals: a list name is lower-case letters, digits and -");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(withLists("  empty: []\n", CHECK + "    when: {any: [x1]}\n")))
                .hasMessageContaining("lists.empty: at least one phrase");
        // a list's phrases are checked as phrases where the list is used
        assertThatThrownBy(() -> RulebookLoader.fromYaml(withLists("  short: [\"!\"]\n", CHECK + "    when: {any: [\"@short\"]}\n")))
                .hasMessageContaining("rules[1](check).when.any");
    }

    @Test
    void invalidConditionsAreRefusedNamingRuleAndField() {
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK + "    when: {any: [a1], all: [b2]}\n"))
                .isInstanceOf(InvalidRulebookException.class).hasMessageContaining("rules[1](check).when")
                .hasMessageContaining("exactly one operator");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK + "    when: {and: [{any: [x1]}, {atLeast: {n: 3, of: [a1, b2]}}]}\n"))
                .hasMessageContaining("rules[1](check).when.and[1].atLeast.n");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK + "    when: {regex: \"([\"}\n"))
                .hasMessageContaining("rules[1](check).when.regex");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK + "    when: {entity: [shoe-size]}\n"))
                .hasMessageContaining("rules[1](check).when.entity");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK + "    when: {any: [x1], anchor: {within: 2}}\n"))
                .hasMessageContaining("rules[1](check).when.anchor.to");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK.replace("section: care", "section: nowhere")
                + "    when: {any: [x1]}\n")).hasMessageContaining("rules[1](check).section");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK + "    when: {similar: {scripts: [您好], threshold: 2}}\n"))
                .hasMessageContaining("rules[1](check).when.similar.threshold");
        assertThatThrownBy(() -> RulebookLoader.fromYaml(HEAD + CHECK + "    when: {any: [x1], range: {first: 1, last: 1}}\n"))
                .hasMessageContaining("rules[1](check).when.range");
    }
}

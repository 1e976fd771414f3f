package io.kefu.shared.domain.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RulebookLoaderTest {
    private static final String MINIMAL = """
            id: shop-x
            version: 2
            rules:
              - id: greeting
                kind: OPENING_GREETING
                weight: 60
                phrases: [您好]
              - id: first-response
                kind: FIRST_RESPONSE
                weight: 40
                seconds: 30
            """;

    @Test
    void defaultRulebookLoadsAndWeightsAddUpTo100() {
        Rulebook book = RulebookLoader.defaultRulebook();
        assertThat(book.id()).isEqualTo("default");
        assertThat(book.rules().stream().mapToInt(Rule::weight).sum()).isEqualTo(100);
        assertThat(book.rules()).extracting(Rule::kind).contains(java.util.Arrays.stream(RuleKind.values())
                .filter(kind -> kind != RuleKind.CHECK).toArray(RuleKind[]::new));
    }

    @Test
    void minimalRulebookGetsDefaultsForScoring() {
        Rulebook book = RulebookLoader.fromYaml(MINIMAL);
        assertThat(book.version()).isEqualTo(2);
        assertThat(book.scoring().reviewBelow()).isEqualTo(80);
    }

    @Test
    void weightsNotAddingUpTo100AreRejected() {
        assertThatThrownBy(() -> RulebookLoader.fromYaml(MINIMAL.replace("weight: 40", "weight: 30")))
                .isInstanceOf(InvalidRulebookException.class).hasMessageContaining("add up to 90");
    }

    @Test
    void typoInAKeyIsRejectedRatherThanSilentlyIgnored() {
        assertThatThrownBy(() -> RulebookLoader.fromYaml(MINIMAL.replace("phrases:", "phrase:")))
                .isInstanceOf(InvalidRulebookException.class);
    }

    @Test
    void timingRuleWithoutSecondsIsRejectedNamingTheRule() {
        assertThatThrownBy(() -> RulebookLoader.fromYaml(MINIMAL.replace("    seconds: 30\n", "")))
                .hasMessageContaining("rules[1](first-response).seconds");
    }

    @Test
    void redLineWithWeightIsRejected() {
        String yaml = MINIMAL.replace("weight: 40", "weight: 30") + """
                  - id: insult
                    kind: RED_LINE
                    weight: 10
                    phrases: [滚蛋]
                """;
        assertThatThrownBy(() -> RulebookLoader.fromYaml(yaml)).hasMessageContaining("rules[2](insult).weight");
    }

    @Test
    void phraseThatCollapsesToOneCharacterAfterFillersIsRejectedAtLoadNamingRuleAndField() {
        String yaml = MINIMAL.replace("phrases: [您好]", "phrases: [亲爱呢]") + """
                normalization:
                  fillers: [亲, 呢]
                """;
        assertThatThrownBy(() -> RulebookLoader.fromYaml(yaml))
                .isInstanceOf(InvalidRulebookException.class).hasMessageContaining("亲爱呢")
                .hasMessageContaining("rules[0](greeting).phrases.any");
    }
}

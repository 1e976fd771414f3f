package io.kefu.shared.domain.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatchingTest {
    private final TextNormalizer normalizer = new TextNormalizer(List.of("亲", "哦", "呢", "啦"));

    @Test
    void normalizerFoldsWidthCaseAndDropsPunctuationWhitespaceFillersAndEmoji() {
        assertThat(normalizer.normalizeToString("亲～您好呀！ＯＫ？ Thanks 😊 呢")).isEqualTo("您好呀okthanks");
    }

    @Test
    void originalTextOfAMatchIsRecoverable() {
        NormalizedText n = normalizer.normalize("亲，不 知道哦");
        assertThat(n.text()).isEqualTo("不知道");
        assertThat(n.original("亲，不 知道哦", 0, 3)).isEqualTo("不 知道");
    }

    @Test
    void traditionalVariantsAreGeneratedFromTheTable() {
        ChineseVariants variants = ChineseVariants.load();
        assertThat(variants.variants("很高兴为您服务")).contains("很高興為您服務");
        assertThat(variants.variants("不归我管")).contains("不歸我管");
        assertThat(variants.variants("hello")).containsExactly("hello");
        assertThat(variants.variants("稍后回复您").size()).isLessThanOrEqualTo(ChineseVariants.MAX_VARIANTS);
    }

    @Test
    void everyHanCharacterOfTheDefaultRulebookThatHasATraditionalFormIsCovered() {
        // Spot check of common service characters whose traditional form differs.
        ChineseVariants variants = ChineseVariants.load();
        for (char c : "兴为务请问么帮谢欢满还吗后复实转专员备题归没办听爱买说话这个们时间订单号货发运质产钱补骗气诉评协".toCharArray()) {
            assertThat(variants.hasTraditional(c)).as(String.valueOf(c)).isTrue();
        }
    }

    @Test
    void oneAutomatonFindsPhrasesOfManyRulesInOnePass() {
        Rulebook book = RulebookLoader.defaultRulebook();
        CompiledRulebook compiled = CompiledRulebook.compile(book);
        MessageHits hits = compiled.analyze("您好，这个不歸我管，稍后给您回复");
        assertThat(hits.has(compiled.lexiconOf(Lexicon.rule("greeting")))).isTrue();
        assertThat(hits.has(compiled.lexiconOf(Lexicon.rule("forbidden")))).isTrue();
        assertThat(hits.evidence(compiled.lexiconOf(Lexicon.rule("forbidden")))).isEqualTo("不歸我管");
        assertThat(hits.has(compiled.lexiconOf(Lexicon.rule("promise")))).isTrue();
        assertThat(hits.has(compiled.lexiconOf(Lexicon.rule("insult")))).isFalse();
    }

    @Test
    void patternPartsMustBeInOrderAndClose() {
        CompiledRulebook compiled = CompiledRulebook.compile(RulebookLoader.defaultRulebook());
        int greeting = compiled.lexiconOf(Lexicon.rule("greeting"));
        assertThat(compiled.analyze("我是3号客服小王").has(greeting)).isTrue();
        assertThat(compiled.analyze("客服说我是").has(greeting)).isFalse();
        assertThat(compiled.analyze("我是在这家店买了很多次东西的老客户了客服").has(greeting)).isFalse();
    }
}

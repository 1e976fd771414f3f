package io.kefu.shared.domain.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatchingTest {
    private final TextNormalizer normalizer = new TextNormalizer(List.of("亲", "哦", "呢", "啦"));
    private static final CompiledRulebook DEFAULT = CompiledRulebook.compile(RulebookLoader.defaultRulebook());

    @Test
    void normalizerFoldsWidthCaseAndDropsPunctuationFillersAndEmojiButKeepsWordAndSentenceBreaks() {
        assertThat(normalizer.normalizeToString("亲～您好呀！ＯＫ？ Thanks 😊 呢")).isEqualTo("您好呀\nok\nthank");
        assertThat(normalizer.normalizeToString("这 不归 我管，好的")).isEqualTo("这不归我管\n好的");
        assertThat(normalizer.normalizeToString("order 2026-11-23 15:30")).isEqualTo("order 2026 11 23 15 30");
    }

    @Test
    void anUnderscoreJoinsAWordSoAHandleIsNotReadAsItsParts() {
        // dev en-ibm-0500: "@hulu_support" read as the word "support" made a freeze a customer-service complaint
        assertThat(normalizer.normalizeToString("@hulu_support Hulu will freeze")).isEqualTo("hulu_support hulu will freez");
        int other = DEFAULT.lexiconOf(Lexicon.complaint(ComplaintType.OTHER)); // lists "support"
        assertThat(DEFAULT.analyze("@hulu_support it froze").has(other)).isFalse();
        assertThat(DEFAULT.analyze("I asked support why it froze").has(other)).isTrue();
        // a handle that is a regulator's name still reads as a threat to go to it
        assertThat(DEFAULT.analyze("@BBB look at this").has(DEFAULT.lexiconOf(Lexicon.escalation(EscalationSignal.REGULATOR))))
                .isTrue();
    }

    @Test
    void originalTextOfAMatchIsRecoverable() {
        NormalizedText n = normalizer.normalize("亲，不 知道哦");
        assertThat(n.text()).isEqualTo("不知道");
        assertThat(n.original("亲，不 知道哦", 0, 3)).isEqualTo("不 知道");
        NormalizedText stemmed = normalizer.normalize("It was delivered");
        assertThat(stemmed.text()).isEqualTo("it was deliv");
        assertThat(stemmed.original("It was delivered", 7, 12)).isEqualTo("delivered");
    }

    @Test
    void traditionalCharactersFoldToSimplifiedFromOpenCc() {
        // 丢 异 肿 卧 were missing from the old hand table although the rulebook uses them
        assertThat(normalizer.normalizeToString("丟件 異味 腫麼 臥槽 很高興為您服務 不歸我管"))
                .isEqualTo(normalizer.normalizeToString("丢件 异味 肿么 卧槽 很高兴为您服务 不归我管"));
    }

    @Test
    void lookAlikesAndInvisibleCharactersAreFolded() {
        // CJK compatibility ideograph U+F967 for 不, Hangul filler U+3164, zero-width space, private use
        assertThat(normalizer.normalizeToString("\uF967知道")).isEqualTo("不知道");
        assertThat(normalizer.normalizeToString("傻\u3164逼")).isEqualTo("傻逼");
        assertThat(normalizer.normalizeToString("白\u200B痴\uE000")).isEqualTo("白痴");
        // Cyrillic о and е, Greek ο in "loser"; math bold letters; full width
        assertThat(normalizer.normalizeToString("l\u043Es\u0435r")).isEqualTo("loser");
        assertThat(normalizer.normalizeToString("\u03BFmg")).isEqualTo("omg");
        assertThat(normalizer.normalizeToString("\uD835\uDC22\uD835\uDC1D\uD835\uDC22\uD835\uDC28\uD835\uDC2D")).isEqualTo("idiot");
        assertThat(normalizer.normalizeToString("ＳＴＵＰＩＤ")).isEqualTo("stupid");
    }

    @Test
    void englishWordsAreStemmedOnBothSides() {
        assertThat(normalizer.normalizeToString("deliver")).isEqualTo(normalizer.normalizeToString("delivered"));
        assertThat(normalizer.normalizeToString("complaints")).isEqualTo(normalizer.normalizeToString("complaint"));
    }

    @Test
    void aPrefixFindsWordsWhoseStemIsShorterThanThePrefix() {
        // "irritating" stems to "irrit": the prefix irritat* must still find it, and frustrat* "frustrating"
        var irritated = ScorerFixture.score(Chat.en().customer(0, "My Xbox refuses to read discs and it is beyond irritating")
                .agent(2, "Hi there! Let's take a look."));
        assertThat(ScorerFixture.finding(irritated, "empathy").outcome()).isEqualTo(Outcome.FAIL);
        var calm = ScorerFixture.score(Chat.en().customer(0, "My Xbox does not read discs, can you help?")
                .agent(2, "Hi there! Let's take a look."));
        assertThat(ScorerFixture.finding(calm, "empathy").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void aPatternEndingInAPrefixFindsTheInflectionsToo() throws Exception {
        // "exasperating" stems to "exasper": the last part of quite*exasperat* must find it, as a plain prefix does
        String yaml;
        try (var in = RulebookLoader.class.getResourceAsStream(RulebookLoader.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String withPattern = yaml.replace("negativeEmotion: [", "negativeEmotion: [\"quite*exasperat*\", ");
        assertThat(withPattern).isNotEqualTo(yaml);
        Scorer scorer = new Scorer(CompiledRulebook.compile(RulebookLoader.fromYaml(withPattern)));
        var score = scorer.score(Chat.en().customer(0, "The app is quite exasperating now").agent(2, "Hi there! Let's take a look.").build());
        assertThat(ScorerFixture.finding(score, "empathy").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void oneAutomatonFindsPhrasesOfManyRulesInOnePass() {
        var s = ScorerFixture.score(Chat.zh().customer(0, "在吗").agent(2, "您好，这个不歸我管，稍后给您回复"));
        assertThat(ScorerFixture.finding(s, "greeting").outcome()).isEqualTo(Outcome.PASS);
        assertThat(ScorerFixture.finding(s, "forbidden").evidence()).isEqualTo("不歸我管");
        assertThat(s.promises()).hasSize(1);
        assertThat(ScorerFixture.finding(s, "insult").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void latinPhrasesMatchWholeWordsOnly() {
        int negative = DEFAULT.lexiconOf(Lexicon.NEGATIVE);
        assertThat(DEFAULT.analyze("this is a scam").has(negative)).isTrue();
        assertThat(DEFAULT.analyze("scampi for dinner").has(negative)).isFalse();
        // "frustrat*" is a prefix phrase
        assertThat(DEFAULT.analyze("so frustrating").has(negative)).isTrue();
        int regulator = DEFAULT.lexiconOf(Lexicon.escalation(EscalationSignal.REGULATOR));
        assertThat(DEFAULT.analyze("我要打12315投诉").has(regulator)).isTrue();
        assertThat(DEFAULT.analyze("预约在2026-11-23 15:30").has(regulator)).isFalse();
        assertThat(DEFAULT.analyze("订单号202612315001").has(regulator)).isFalse();
    }

    @Test
    void patternPartsMustBeInOrderCloseAndInOneClause() {
        String greetingOnly = "在吗";
        var yes = ScorerFixture.score(Chat.zh().customer(0, greetingOnly).agent(2, "我是3号客服小王"));
        assertThat(ScorerFixture.finding(yes, "greeting").outcome()).isEqualTo(Outcome.PASS);
        var reversed = ScorerFixture.score(Chat.zh().customer(0, greetingOnly).agent(2, "客服说我是"));
        assertThat(ScorerFixture.finding(reversed, "greeting").outcome()).isEqualTo(Outcome.FAIL);
        var far = ScorerFixture.score(Chat.zh().customer(0, greetingOnly).agent(2, "我是在这家店买了很多次东西的老客户了客服"));
        assertThat(ScorerFixture.finding(far, "greeting").outcome()).isEqualTo(Outcome.FAIL);
        var split = ScorerFixture.score(Chat.zh().customer(0, greetingOnly).agent(2, "我是。客服"));
        assertThat(ScorerFixture.finding(split, "greeting").outcome()).isEqualTo(Outcome.FAIL);
    }
}

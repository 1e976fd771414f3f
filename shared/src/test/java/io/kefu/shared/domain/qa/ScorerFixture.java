package io.kefu.shared.domain.qa;

/** The default rulebook compiled once for all tests (as once per cold start in Lambda). */
final class ScorerFixture {
    static final Scorer DEFAULT = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));

    static QaScore score(Chat chat) {
        return DEFAULT.score(chat.build());
    }

    static Finding finding(QaScore score, String ruleId) {
        return score.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    private ScorerFixture() {}
}

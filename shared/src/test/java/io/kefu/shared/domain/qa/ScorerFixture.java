package io.kefu.shared.domain.qa;

/** The default rulebook compiled once for all tests (as once per cold start in Lambda). */
final class ScorerFixture {
    static final Scorer DEFAULT = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));
    /** The default rulebook's lexicons alone (complaint.model: none): what a lead's phrases decide by themselves. */
    static final Scorer LEXICONS = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()),
            io.kefu.shared.domain.customer.CustomerPreferences.DEFAULT_ZONE, null);

    static QaScore score(Chat chat) {
        return DEFAULT.score(chat.build());
    }

    static Finding finding(QaScore score, String ruleId) {
        return score.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    private ScorerFixture() {}
}

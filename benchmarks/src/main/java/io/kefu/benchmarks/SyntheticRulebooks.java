package io.kefu.benchmarks;

import io.kefu.shared.domain.qa.Rule;
import io.kefu.shared.domain.qa.RuleKind;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The default rulebook plus N generated forbidden phrases (fixed seed), as a large shop lexicon would be. */
final class SyntheticRulebooks {
    // Characters of everyday service chat, so generated phrases sometimes occur in the transcripts.
    private static final String COMMON = "您好的是了不我你们这个有在人来他为到说要就出会可也能下过子对生么以时发"
            + "货单号快递退款质量问题客服帮查看等待感谢理解抱歉麻烦处理订购买收到包裹物流售后换";

    private SyntheticRulebooks() {}

    static Rulebook withExtraPhrases(int extra) {
        Rulebook base = RulebookLoader.defaultRulebook();
        if (extra == 0) {
            return base;
        }
        Random random = new Random(42);
        Set<String> phrases = new LinkedHashSet<>();
        while (phrases.size() < extra) {
            int length = 2 + random.nextInt(5);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(random.nextInt(10) < 3
                        ? COMMON.charAt(random.nextInt(COMMON.length()))
                        : (char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
            }
            phrases.add(sb.toString());
        }
        List<Rule> rules = new ArrayList<>(base.rules());
        rules.add(new Rule("synthetic-lexicon", RuleKind.FORBIDDEN, 0, null, null, null, List.copyOf(phrases),
                List.of(), List.of(), null, List.of(), "generated for benchmarks"));
        return base.withRules(rules);
    }
}

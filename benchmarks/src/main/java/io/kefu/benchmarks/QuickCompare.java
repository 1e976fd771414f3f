package io.kefu.benchmarks;

import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.AhoCorasickPhraseMatcher;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.PhraseMatcher;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Not JMH: best-of-rounds microseconds per transcript, automaton vs naive, on the sample chats. On a shared,
 * loaded machine the minimum over rounds is steadier than JMH's mean. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.kefu.benchmarks.QuickCompare}
 */
public final class QuickCompare {
    private static final String[] SAMPLES = {"zh-good-agent", "en-good-agent", "zh-rude-agent", "en-slow-agent",
            "zh-angry-customer-soothed", "zh-promise-made", "en-promise-made", "zh-pii-leaked", "zh-transfer",
            "en-transfer-repeat"};

    public static void main(String[] args) throws IOException {
        List<Transcript> transcripts = new ArrayList<>();
        for (String name : SAMPLES) {
            try (InputStream in = QuickCompare.class.getResourceAsStream("/transcripts/" + name + ".json")) {
                transcripts.add(TranscriptMessage.CONTRACT.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8)).toTranscript());
            }
        }
        System.out.println("extra phrases | rulebook phrases | automaton us/transcript | naive us/transcript | ratio");
        for (int extra : new int[] {0, 100, 1000, 10000}) {
            Scorer automaton = scorer(extra, AhoCorasickPhraseMatcher::new);
            Scorer naive = scorer(extra, NaivePhraseMatcher::new);
            int reps = extra >= 10_000 ? 100 : 1000;
            double bestAutomaton = Double.MAX_VALUE;
            double bestNaive = Double.MAX_VALUE;
            long sink = 0;
            for (int round = 0; round < 8; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps * 5; i++) {
                    for (Transcript t : transcripts) {
                        sink += automaton.score(t).score();
                    }
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    for (Transcript t : transcripts) {
                        sink += naive.score(t).score();
                    }
                }
                long t2 = System.nanoTime();
                bestAutomaton = Math.min(bestAutomaton, (t1 - t0) / 1e3 / (reps * 5) / transcripts.size());
                bestNaive = Math.min(bestNaive, (t2 - t1) / 1e3 / reps / transcripts.size());
            }
            System.out.printf("%13d | %16d | %23.2f | %19.2f | %5.1fx%s%n", extra, automaton.rulebook().phraseCount(),
                    bestAutomaton, bestNaive, bestNaive / bestAutomaton, sink == 42 ? " " : "");
        }
    }

    private static Scorer scorer(int extra, PhraseMatcher.Factory factory) {
        return new Scorer(CompiledRulebook.compile(SyntheticRulebooks.withExtraPhrases(extra), factory));
    }
}

package io.kefu.benchmarks;

import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.customer.CustomerPreferences;
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
 *
 * <p>The automaton and the naive loop are compared on the rulebook's phrases alone (the complaint-type model off):
 * since 2026-12-07 (sixth session) the model reads sentence vectors, milliseconds of a sentence model per chat it is
 * asked about, which would hide what the phrase matching costs. The last column is the whole scorer as it runs,
 * model included, against the automaton column in the same run.
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
        System.out.println("extra phrases | rulebook phrases | automaton us/transcript | naive us/transcript | ratio"
                + " | with the model us/transcript | x automaton");
        for (int extra : new int[] {0, 100, 1000, 10000}) {
            Scorer automaton = lexicons(extra, AhoCorasickPhraseMatcher::new);
            Scorer naive = lexicons(extra, NaivePhraseMatcher::new);
            Scorer whole = new Scorer(CompiledRulebook.compile(SyntheticRulebooks.withExtraPhrases(extra)));
            whole.warmUp(); // the sentence models load on first use: not a round's cost
            int reps = extra >= 10_000 ? 100 : 1000;
            double bestAutomaton = Double.MAX_VALUE;
            double bestNaive = Double.MAX_VALUE;
            double bestWhole = Double.MAX_VALUE;
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
                int wholeReps = Math.max(1, reps / 50);
                for (int i = 0; i < wholeReps; i++) {
                    for (Transcript t : transcripts) {
                        sink += whole.score(t).score();
                    }
                }
                long t3 = System.nanoTime();
                bestAutomaton = Math.min(bestAutomaton, (t1 - t0) / 1e3 / (reps * 5) / transcripts.size());
                bestNaive = Math.min(bestNaive, (t2 - t1) / 1e3 / reps / transcripts.size());
                bestWhole = Math.min(bestWhole, (t3 - t2) / 1e3 / wholeReps / transcripts.size());
            }
            System.out.printf("%13d | %16d | %23.2f | %19.2f | %5.1fx | %28.2f | %6.1fx%s%n", extra,
                    automaton.rulebook().phraseCount(), bestAutomaton, bestNaive, bestNaive / bestAutomaton, bestWhole,
                    bestWhole / bestAutomaton, sink == 42 ? " " : "");
        }
    }

    /** The rulebook's phrases alone: no complaint-type model. */
    private static Scorer lexicons(int extra, PhraseMatcher.Factory factory) {
        return new Scorer(CompiledRulebook.compile(SyntheticRulebooks.withExtraPhrases(extra), factory),
                CustomerPreferences.DEFAULT_ZONE, null);
    }
}

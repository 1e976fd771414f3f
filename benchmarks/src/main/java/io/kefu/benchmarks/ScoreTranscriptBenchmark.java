package io.kefu.benchmarks;

import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.qa.AhoCorasickPhraseMatcher;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.PhraseMatcher;
import io.kefu.shared.domain.qa.Role;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread transcripts/s of the scorer (normalise, match, every check, complaint grading by the lexicons,
 * redaction of evidence) over the ten sample transcripts, with the default rulebook and with 100 /
 * 1,000 / 10,000 extra phrases; "automaton" is production, "naive" loops over every phrase per message. The
 * complaint-type model is off: it reads sentence vectors (milliseconds per chat it is asked about, the same for both
 * matchers), which would hide the matching; QuickCompare's last column has the scorer with it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoreTranscriptBenchmark {
    private static final String[] SAMPLES = {"zh-good-agent", "en-good-agent", "zh-rude-agent", "en-slow-agent",
            "zh-angry-customer-soothed", "zh-promise-made", "en-promise-made", "zh-pii-leaked", "zh-transfer",
            "en-transfer-repeat"};

    @Param({"0", "100", "1000", "10000"})
    public int extraPhrases;

    @Param({"automaton", "naive"})
    public String matcher;

    /** samples: the ten short sample chats (4-9 messages); long: one 40-message chat stitched from them. */
    @Param({"samples", "long"})
    public String workload;

    private Scorer scorer;
    private List<Transcript> transcripts;

    @Setup
    public void setUp() throws IOException {
        PhraseMatcher.Factory factory = matcher.equals("naive") ? NaivePhraseMatcher::new : AhoCorasickPhraseMatcher::new;
        scorer = new Scorer(CompiledRulebook.compile(SyntheticRulebooks.withExtraPhrases(extraPhrases),
                factory), CustomerPreferences.DEFAULT_ZONE, null);
        transcripts = new ArrayList<>();
        for (String name : SAMPLES) {
            try (InputStream in = getClass().getResourceAsStream("/transcripts/" + name + ".json")) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                transcripts.add(TranscriptMessage.CONTRACT.decode(body).toTranscript());
            }
        }
        if (workload.equals("long")) {
            transcripts = List.of(stitch(transcripts, 40));
        }
        perInvocation = transcripts.size();
    }

    /** A longer chat, as live chats with a problem to solve often are: the samples' lines in a row, 10 s apart. */
    private static Transcript stitch(List<Transcript> parts, int size) {
        List<Message> lines = new ArrayList<>();
        Instant at = parts.get(0).messages().get(0).ts();
        for (Transcript part : parts) {
            for (Message m : part.messages()) {
                if (lines.size() == size) {
                    break;
                }
                String agent = m.role() == Role.AGENT ? "agent-007" : null;
                lines.add(new Message(lines.size(), m.role(), agent, m.text(), at.plusSeconds(10L * lines.size())));
            }
        }
        Transcript first = parts.get(0);
        return new Transcript("chat-long", first.channel(), first.shopId(), first.team(), List.of("agent-007"),
                first.customerId(), first.orderId(), "zh-CN", lines);
    }

    private int perInvocation;

    /** One op = one transcript scored (round robin over the workload). */
    @Benchmark
    public void scoreTranscript(Blackhole hole) {
        Transcript transcript = transcripts.get(next);
        next = next + 1 == perInvocation ? 0 : next + 1;
        hole.consume(scorer.score(transcript));
    }

    private int next;
}

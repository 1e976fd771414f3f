package io.kefu.cli.qa;

import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ReviewRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "A lead resolves a dispute: --uphold --score N (agent was right) or --reject (score stands). Audited.")
final class ResolveCommand extends QaSubcommand {
    @Parameters(index = "0", description = "Transcript id.")
    String transcriptId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Outcome outcome;

    static final class Outcome {
        @Option(names = "--uphold", description = "The agent was right: give --score.")
        boolean uphold;

        @Option(names = "--reject", description = "The score stands.")
        boolean reject;
    }

    @Option(names = "--score", description = "New score with --uphold.")
    Integer score;

    @Option(names = "--reason", required = true, description = "Why.")
    String reason;

    @Option(names = "--overturn", split = ",", description = "Failed rules judged wrongly failed.")
    List<String> overturned = new ArrayList<>();

    @Option(names = "--reviewer", description = "Who resolves (default: KEFU_REVIEWER or the OS user).")
    String reviewer;

    @Option(names = "--json", description = "Print the audit record as JSON.")
    boolean json;

    @Override
    int run(QaContext ctx) {
        ReviewAction action = outcome.uphold ? ReviewAction.DISPUTE_UPHELD : ReviewAction.DISPUTE_REJECTED;
        return Reviewing.apply(ctx, transcriptId,
                new ReviewRequest(action, Reviewing.reviewer(reviewer), score, reason, overturned), json, out());
    }
}

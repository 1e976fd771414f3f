package io.kefu.cli.qa;

import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ReviewRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = "A lead's override (--score N --reason ...) or confirmation (--accept). Audited; the automatic score is kept.")
final class ReviewCommand extends QaSubcommand {
    @Parameters(index = "0", description = "Transcript id.")
    String transcriptId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict;

    static final class Verdict {
        @Option(names = "--score", description = "The lead's score, 0..100 (needs --reason).")
        Integer score;

        @Option(names = "--accept", description = "Confirm the automatic score.")
        boolean accept;
    }

    @Option(names = "--reason", description = "Why (required with --score, at least 5 characters).")
    String reason;

    @Option(names = "--overturn", split = ",", description = "Failed rules the lead judges wrongly failed (feeds `qa calibrate`).")
    List<String> overturned = new ArrayList<>();

    @Option(names = "--reviewer", description = "Who reviews (default: KEFU_REVIEWER or the OS user).")
    String reviewer;

    @Option(names = "--json", description = "Print the audit record as JSON.")
    boolean json;

    @Override
    int run(QaContext ctx) {
        ReviewAction action = verdict.accept ? ReviewAction.ACCEPT : ReviewAction.OVERRIDE;
        return Reviewing.apply(ctx, transcriptId,
                new ReviewRequest(action, Reviewing.reviewer(reviewer), verdict.score, reason, overturned), json, out());
    }
}

package io.kefu.cli.qa;

import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ReviewRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dispute", mixinStandardHelpOptions = true,
        description = "The scored agent contests a score (status DISPUTED until a lead runs `qa resolve`). Audited.")
final class DisputeCommand extends QaSubcommand {
    @Parameters(index = "0", description = "Transcript id.")
    String transcriptId;

    @Option(names = "--agent", required = true, description = "The disputing agent: must be the scored agent.")
    String agent;

    @Option(names = "--reason", required = true, description = "Why the score is wrong.")
    String reason;

    @Option(names = "--json", description = "Print the audit record as JSON.")
    boolean json;

    @Override
    int run(QaContext ctx) {
        return Reviewing.apply(ctx, transcriptId, new ReviewRequest(ReviewAction.DISPUTE, agent, null, reason, List.of()), json, out());
    }
}

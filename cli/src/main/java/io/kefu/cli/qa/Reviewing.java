package io.kefu.cli.qa;

import io.kefu.shared.app.qa.ReviewRecord;
import io.kefu.shared.app.qa.ReviewService;
import io.kefu.shared.aws.qa.DynamoQaReviewStore;
import io.kefu.shared.domain.qa.ReviewRequest;
import io.kefu.shared.json.Json;
import java.io.PrintWriter;

/** Shared by review, dispute and resolve: apply through the ReviewService and print the audit record. */
final class Reviewing {
    private Reviewing() {}

    static int apply(QaContext ctx, String transcriptId, ReviewRequest request, boolean json, PrintWriter out) {
        ReviewRecord r = new ReviewService(new DynamoQaReviewStore(ctx.dynamo(), ctx.scoresTable()), ctx.clock())
                .review(transcriptId, request);
        if (json) {
            out.println(Json.write(r));
        } else {
            out.printf("%s %s by %s: score %d → %d, status %s → %s (automatic score kept; audit record %s)%n",
                    r.action(), transcriptId, r.actor(), r.oldScore(), r.newScore(), r.fromStatus(), r.toStatus(),
                    io.kefu.shared.aws.qa.QaScoreKeys.reviewSk(r.at(), r.actor()));
        }
        return 0;
    }

    /** The reviewer's name: --reviewer, else KEFU_REVIEWER, else the OS user. */
    static String reviewer(String flag) {
        if (flag != null) {
            return flag;
        }
        String env = System.getenv("KEFU_REVIEWER");
        return env != null && !env.isBlank() ? env : System.getProperty("user.name");
    }
}

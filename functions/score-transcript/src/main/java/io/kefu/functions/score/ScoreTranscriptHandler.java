package io.kefu.functions.score;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.runtime.Environment;

/** Placeholder until issue 3 lands. */
public final class ScoreTranscriptHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Environment env;

    public ScoreTranscriptHandler() {
        this(Environment.fromSystem());
    }

    public ScoreTranscriptHandler(Environment env) {
        this.env = env;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        throw new UnsupportedOperationException("ScoreTranscriptHandler is not implemented yet (issue 3)");
    }
}

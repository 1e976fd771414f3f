package io.kefu.functions.response;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.runtime.Environment;

/** Placeholder until issue 5 lands. */
public final class RecordSurveyResponseHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Environment env;

    public RecordSurveyResponseHandler() {
        this(Environment.fromSystem());
    }

    public RecordSurveyResponseHandler(Environment env) {
        this.env = env;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        throw new UnsupportedOperationException("RecordSurveyResponseHandler is not implemented yet (issue 5)");
    }
}

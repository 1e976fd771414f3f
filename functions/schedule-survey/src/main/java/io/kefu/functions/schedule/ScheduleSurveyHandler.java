package io.kefu.functions.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.runtime.Environment;

/** Placeholder until issue 5 lands. */
public final class ScheduleSurveyHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Environment env;

    public ScheduleSurveyHandler() {
        this(Environment.fromSystem());
    }

    public ScheduleSurveyHandler(Environment env) {
        this.env = env;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        throw new UnsupportedOperationException("ScheduleSurveyHandler is not implemented yet (issue 5)");
    }
}

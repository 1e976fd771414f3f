package io.kefu.functions.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import io.kefu.shared.runtime.Environment;

/** Placeholder until issue 5 lands. */
public final class DispatchDueSurveysHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final Environment env;

    public DispatchDueSurveysHandler() {
        this(Environment.fromSystem());
    }

    public DispatchDueSurveysHandler(Environment env) {
        this.env = env;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        throw new UnsupportedOperationException("DispatchDueSurveysHandler is not implemented yet (issue 5)");
    }
}

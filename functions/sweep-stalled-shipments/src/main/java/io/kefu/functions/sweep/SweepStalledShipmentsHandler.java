package io.kefu.functions.sweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import io.kefu.shared.runtime.Environment;

/** Placeholder until issue 4 lands. */
public final class SweepStalledShipmentsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final Environment env;

    public SweepStalledShipmentsHandler() {
        this(Environment.fromSystem());
    }

    public SweepStalledShipmentsHandler(Environment env) {
        this.env = env;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        throw new UnsupportedOperationException("SweepStalledShipmentsHandler is not implemented yet (issue 4)");
    }
}

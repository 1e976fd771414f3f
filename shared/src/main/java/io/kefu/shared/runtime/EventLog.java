package io.kefu.shared.runtime;

import io.kefu.shared.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per event on stdout (CloudWatch keeps each line as one record). Callers pass ids and
 * outcomes only; free text from customers must be redacted before it gets here.
 */
public final class EventLog {
    private final String component;
    private final PrintStream out;
    private final Clock clock;

    public EventLog(String component, Clock clock) {
        this(component, clock, System.out);
    }

    public EventLog(String component, Clock clock, PrintStream out) {
        this.component = component;
        this.clock = clock;
        this.out = out;
    }

    /** The function's clock (from its Environment): the batch processor bounds message times against it. */
    public Clock clock() {
        return clock;
    }

    public void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields);
    }

    public void error(String event, Map<String, ?> fields) {
        write("ERROR", event, fields);
    }

    private void write(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", clock.instant().toString());
        line.put("level", level);
        line.put("component", component);
        line.put("event", event);
        line.putAll(fields);
        out.println(Json.write(line));
    }
}

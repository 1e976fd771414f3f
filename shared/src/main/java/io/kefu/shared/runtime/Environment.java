package io.kefu.shared.runtime;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a function reads from its surroundings: its environment variables and the clock.
 *
 * <p>On Lambda this is {@link #fromSystem()}. The local runtime builds one per function from the
 * template's {@code Environment.Variables}, with endpoint overrides and a controllable clock, and
 * hands it to the handler's {@code (Environment)} constructor, so the same handler class runs in
 * both places without touching process-wide state.
 */
public record Environment(Map<String, String> variables, Clock clock) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment fromSystem() {
        return new Environment(System.getenv(), Clock.systemUTC());
    }

    public static Environment of(Map<String, String> variables, Clock clock) {
        return new Environment(variables, clock);
    }

    /** A variable the function cannot work without; the message names it so a bad deploy is obvious. */
    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    public String get(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public Environment withClock(Clock other) {
        return new Environment(variables, other);
    }
}

package io.kefu.functions.console;

import java.util.Map;

/**
 * An HTTP request as the routes see it, translated from API Gateway's payload 2.0 event by the handler:
 * {@code claims} are what the JWT authorizer verified (empty on the unauthenticated asset routes).
 */
public record ConsoleRequest(String method, String path, Map<String, String> query, String body, Map<String, String> claims) {
    public ConsoleRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }
}

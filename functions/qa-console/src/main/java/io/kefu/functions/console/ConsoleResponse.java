package io.kefu.functions.console;

import java.util.LinkedHashMap;
import java.util.Map;

/** Status, headers and a text body (every asset and API answer is text: no base64 needed). */
public record ConsoleResponse(int status, Map<String, String> headers, String body) {
    /**
     * Sent on every answer. The CSP allows only this origin's own script, style and API: no inline script or
     * style, no third-party script or font, no framing, no plugins.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    public static ConsoleResponse of(int status, String contentType, String body, boolean cacheable) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", contentType);
        h.put("content-security-policy", CONTENT_SECURITY_POLICY);
        h.put("x-content-type-options", "nosniff");
        h.put("referrer-policy", "no-referrer");
        h.put("x-frame-options", "DENY");
        h.put("cache-control", cacheable ? "public, max-age=300" : "no-store");
        return new ConsoleResponse(status, h, body);
    }

    public static ConsoleResponse json(int status, String json) {
        return of(status, "application/json; charset=utf-8", json, false);
    }
}

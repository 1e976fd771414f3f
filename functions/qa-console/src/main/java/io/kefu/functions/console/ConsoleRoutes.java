package io.kefu.functions.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.functions.console.ConsoleService.NotFound;
import io.kefu.functions.console.ConsoleUser.Forbidden;
import io.kefu.functions.console.ConsoleUser.Unauthorized;
import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ReviewRejectedException;
import io.kefu.shared.domain.qa.ScoreStatus;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Method + path -> a ConsoleService call, its arguments parsed and named in errors. The API (docs/qa-console.md):
 * <pre>
 * GET  /config.json                       sign-in URL (no token)
 * GET  /api/session                       who am I, role, teams, the shop's zone
 * GET  /api/inbox                         open items per status in my scope ("what needs me now")
 * GET  /api/scores?status&agent&team&rule&min&max&from&to&limit&cursor   one page, through the indexes
 * GET  /api/chats/{id}                    the chat view
 * POST /api/chats/{id}/review             {action: ACCEPT|OVERRIDE, score, reason, overturnedRules}   lead
 * POST /api/chats/{id}/dispute            {reason}                                                   agent
 * POST /api/chats/{id}/resolve            {outcome: UPHOLD|REJECT, score, reason, overturnedRules}    lead
 * GET  /api/report?from&to                the report's numbers (QaReport) for my scope
 * </pre>
 */
final class ConsoleRoutes {
    private static final Pattern CHAT = Pattern.compile("/api/chats/([A-Za-z0-9._:-]{1,128})(/review|/dispute|/resolve)?");
    private static final int MAX_LIMIT = 100;

    private final ConsoleService service;
    private final StaticAssets assets = new StaticAssets();
    private final String signInUrl;

    ConsoleRoutes(ConsoleService service, String signInUrl) {
        this.service = service;
        this.signInUrl = signInUrl;
    }

    ConsoleResponse handle(ConsoleRequest r) {
        try {
            return route(r);
        } catch (Unauthorized e) {
            return error(401, "unauthorized", e.getMessage(), null);
        } catch (Forbidden e) {
            return error(403, "forbidden", e.getMessage(), null);
        } catch (NotFound e) {
            return error(404, "not_found", e.getMessage(), null);
        } catch (InvalidMessageException e) {   // bad input, the field named
            return error(400, "bad_request", e.getMessage(), e.field());
        } catch (ReviewRejectedException e) {
            return error(409, "rejected", e.getMessage(), null);
        }
    }

    private ConsoleResponse route(ConsoleRequest r) {
        String path = r.path() == null ? "/" : r.path();
        boolean get = "GET".equals(r.method());
        if (get && !path.startsWith("/api/")) {
            if (path.equals("/config.json")) {
                return ok(Map.of("signInUrl", signInUrl));
            }
            return assets.get(path.equals("/index.html") ? "/" : path).orElseThrow(() -> new NotFound("no page " + path));
        }
        ConsoleUser user = ConsoleUser.fromClaims(r.claims());
        if (get && path.equals("/api/session")) {
            return ok(service.session(user));
        }
        if (get && path.equals("/api/inbox")) {
            return ok(service.inbox(user, start(r.query().get("from"), service.now().minus(Duration.ofDays(30)), "from")));
        }
        if (get && path.equals("/api/scores")) {
            int limit = intParam(r.query(), "limit", 25);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidMessageException("limit", "1.." + MAX_LIMIT);
            }
            String cursor = blankToNull(r.query().get("cursor"));
            try {
                return ok(service.list(user, filter(r.query()), limit, cursor));
            } catch (IllegalArgumentException e) {
                if (cursor == null) {
                    throw e;
                }
                throw new InvalidMessageException("cursor", "a cursor from the previous page");
            }
        }
        if (get && path.equals("/api/report")) {
            Instant to = end(r.query().get("to"), service.now(), "to");
            return ok(service.report(user, start(r.query().get("from"), to.minus(Duration.ofDays(30)), "from"), to));
        }
        Matcher m = CHAT.matcher(path);
        if (m.matches()) {
            String id = m.group(1);
            String action = m.group(2);
            if (get && action == null) {
                return ok(service.chat(user, id));
            }
            if ("POST".equals(r.method()) && action != null) {
                JsonNode body = body(r.body());
                return switch (action) {
                    case "/review" -> ok(service.review(user, id, enumOf(ReviewAction.class, text(body, "action"), "action"),
                            integer(body, "score"), text(body, "reason"), strings(body, "overturnedRules")));
                    case "/dispute" -> ok(service.dispute(user, id, text(body, "reason")));
                    default -> ok(service.resolve(user, id, uphold(text(body, "outcome")), integer(body, "score"),
                            text(body, "reason"), strings(body, "overturnedRules")));
                };
            }
        }
        throw new NotFound("no route " + r.method() + " " + path);
    }

    private ScoreFilter filter(Map<String, String> q) {
        Instant to = end(q.get("to"), service.now(), "to");
        Instant from = start(q.get("from"), to.minus(Duration.ofDays(30)), "from");
        List<ScoreStatus> statuses = new ArrayList<>();
        String status = blankToNull(q.get("status"));
        if (status != null) {
            for (String s : status.split(",")) {
                statuses.add(enumOf(ScoreStatus.class, s, "status"));
            }
        }
        return new ScoreFilter(blankToNull(q.get("agent")), blankToNull(q.get("team")), List.of(), statuses,
                blankToNull(q.get("rule")), intParamOrNull(q, "min"), intParamOrNull(q, "max"), from, to);
    }

    /** A day (yyyy-MM-dd, in the shop's zone) or an instant; absent: the fallback. */
    private Instant start(String text, Instant fallback, String field) {
        String t = blankToNull(text);
        try {
            return t == null ? fallback : t.length() == 10 ? LocalDate.parse(t).atStartOfDay(service.zone()).toInstant() : Instant.parse(t);
        } catch (RuntimeException e) {
            throw new InvalidMessageException(field, "a day yyyy-MM-dd or an ISO instant, got " + Json.write(t));
        }
    }

    /** An end, exclusive: a day means the end of that day. */
    private Instant end(String text, Instant fallback, String field) {
        String t = blankToNull(text);
        if (t != null && t.length() == 10) {
            try {
                return LocalDate.parse(t).plusDays(1).atStartOfDay(service.zone()).toInstant();
            } catch (RuntimeException e) {
                throw new InvalidMessageException(field, "a day yyyy-MM-dd or an ISO instant");
            }
        }
        return start(t, fallback, field);
    }

    private static boolean uphold(String outcome) {
        if ("UPHOLD".equals(outcome)) {
            return true;
        }
        if ("REJECT".equals(outcome)) {
            return false;
        }
        throw new InvalidMessageException("outcome", "UPHOLD or REJECT");
    }

    private static JsonNode body(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidMessageException("body", "a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new InvalidMessageException("body", "a JSON object");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidMessageException(field, "a string");
        }
        return v.asText();
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isInt()) {
            throw new InvalidMessageException(field, "an integer");
        }
        return v.asInt();
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode v = body.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new InvalidMessageException(field, "an array of rule ids");
        }
        v.forEach(x -> {
            if (!x.isTextual()) {
                throw new InvalidMessageException(field, "an array of rule ids");
            }
            out.add(x.asText());
        });
        return out;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static int intParam(Map<String, String> q, String name, int fallback) {
        Integer v = intParamOrNull(q, name);
        return v == null ? fallback : v;
    }

    private static Integer intParamOrNull(Map<String, String> q, String name) {
        String v = blankToNull(q.get(name));
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidMessageException(name, "an integer");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ConsoleResponse ok(Object value) {
        return ConsoleResponse.json(200, Json.write(value));
    }

    private static ConsoleResponse error(int status, String code, String message, String field) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("error", code);
        e.put("message", message);
        if (field != null) {
            e.put("field", field);
        }
        return ConsoleResponse.json(status, Json.write(e));
    }
}

package io.kefu.local.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kefu.local.console.LocalUsers.LocalUser;
import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.CfnTemplate;
import io.kefu.local.stack.LocalAwsStack;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * API Gateway's HTTP API for QaConsoleFunction, played on 127.0.0.1: the routes and authorizer of the template's
 * ConsoleHttpApi (read from infra-template.yaml: each HttpApi event's path, method and Auth), each request turned
 * into a payload format 2.0 event and handed to the function through {@link LocalLambdaRuntime#invoke}, its
 * APIGatewayV2HTTPResponse written back. On /api/* the {@link LocalJwtAuthorizer} verifies the token first and
 * answers 401 itself, as API Gateway does. It also serves what Cognito's hosted UI is in AWS: /local/sign-in,
 * where a seeded user of each role signs in with one click and is sent back with an ID token.
 */
public final class LocalConsoleServer implements AutoCloseable {
    public static final String FUNCTION = "QaConsoleFunction";
    public static final String API = "ConsoleHttpApi";
    public static final String SIGN_IN_PATH = "/local/sign-in";
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** One route of the API: "GET /{asset}" as a regex, and whether the JWT authorizer guards it. */
    record Route(String key, String method, Pattern path, boolean authorized) {}

    private final LocalLambdaRuntime runtime;
    private final LocalJwtAuthorizer authorizer;
    private final LocalUsers users;
    private final List<Route> routes;
    private final HttpServer server;
    private final Runnable beforeRequest;

    private LocalConsoleServer(LocalLambdaRuntime runtime, LocalJwtAuthorizer authorizer, LocalUsers users, List<Route> routes,
            HttpServer server, Runnable beforeRequest) {
        this.runtime = runtime;
        this.authorizer = authorizer;
        this.users = users;
        this.routes = routes;
        this.server = server;
        this.beforeRequest = beforeRequest;
    }

    /**
     * The port the console will listen on must be known before the runtime is built (the function's SIGN_IN_URL
     * points at this server), so callers bind first: {@link #bind(int)}, then build the runtime with
     * {@link #signInUrl(int)}, then {@link #start}.
     */
    public static HttpServer bind(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    }

    public static String signInUrl(int port) {
        return "http://127.0.0.1:" + port + SIGN_IN_PATH;
    }

    /** Builds a runtime for the console function alone (what `kefu up` without --run-functions uses). */
    public static LocalLambdaRuntime.Builder runtimeFor(LocalAwsStack stack, int port) {
        return LocalLambdaRuntime.builder(stack).functions(FUNCTION).environment(FUNCTION, "SIGN_IN_URL", signInUrl(port));
    }

    /**
     * @param clock         the authorizer's clock (token expiry): the runtime's, so tests can move time
     * @param beforeRequest run before each request (`kefu up` sets the runtime's clock to wall-clock time)
     */
    public static LocalConsoleServer start(HttpServer bound, LocalLambdaRuntime runtime, Clock clock, LocalUsers users,
            Runnable beforeRequest) {
        LocalAwsStack stack = runtime.stack();
        Map<String, Object> jwt = jwtConfiguration(stack.template());
        String issuer = stack.resolve(jwt.get("issuer"));
        Object audience = jwt.get("audience") instanceof List<?> l && !l.isEmpty() ? l.get(0) : jwt.get("audience");
        LocalJwtAuthorizer authorizer = new LocalJwtAuthorizer(issuer, stack.resolve(audience), idTokenValidity(stack.template()), clock);
        LocalConsoleServer s = new LocalConsoleServer(runtime, authorizer, users, routes(stack.template()), bound, beforeRequest);
        bound.createContext("/", s::handle);
        bound.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "kefu-console");
            t.setDaemon(true);
            return t;
        }));
        bound.start();
        return s;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public LocalJwtAuthorizer authorizer() {
        return authorizer;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------------ the template's API

    @SuppressWarnings("unchecked")
    static Map<String, Object> jwtConfiguration(CfnTemplate template) {
        Map<String, Object> api = resource(template, API);
        Map<String, Object> auth = (Map<String, Object>) ((Map<String, Object>) api.get("Properties")).get("Auth");
        String name = String.valueOf(auth.get("DefaultAuthorizer"));
        Map<String, Object> authorizer = (Map<String, Object>) ((Map<String, Object>) auth.get("Authorizers")).get(name);
        return (Map<String, Object>) authorizer.get("JwtConfiguration");
    }

    /** The app client's IdTokenValidity in hours (Cognito's default 1 h when absent). */
    @SuppressWarnings("unchecked")
    static Duration idTokenValidity(CfnTemplate template) {
        for (var e : ((Map<String, Object>) template.raw().get("Resources")).entrySet()) {
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            if ("AWS::Cognito::UserPoolClient".equals(r.get("Type"))) {
                Object hours = ((Map<String, Object>) r.get("Properties")).get("IdTokenValidity");
                return Duration.ofHours(hours == null ? 1 : Long.parseLong(String.valueOf(hours)));
            }
        }
        return Duration.ofHours(1);
    }

    @SuppressWarnings("unchecked")
    static List<Route> routes(CfnTemplate template) {
        Map<String, Object> function = resource(template, FUNCTION);
        Map<String, Object> events = (Map<String, Object>) ((Map<String, Object>) function.get("Properties")).get("Events");
        List<Route> out = new ArrayList<>();
        for (Object e : events.values()) {
            Map<String, Object> event = (Map<String, Object>) e;
            if (!"HttpApi".equals(event.get("Type"))) {
                continue;
            }
            Map<String, Object> p = (Map<String, Object>) event.get("Properties");
            String path = String.valueOf(p.get("Path"));
            String method = String.valueOf(p.get("Method")).toUpperCase(Locale.ROOT);
            Map<String, Object> auth = (Map<String, Object>) p.get("Auth");
            boolean authorized = auth == null || !"NONE".equals(auth.get("Authorizer"));
            String regex = Pattern.quote(path).replaceAll("\\{[A-Za-z0-9_]+\\+}", "\\\\E.+\\\\Q").replaceAll("\\{[A-Za-z0-9_]+}", "\\\\E[^/]+\\\\Q");
            out.add(new Route(method + " " + path, method, Pattern.compile(regex), authorized));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(CfnTemplate template, String id) {
        Object r = ((Map<String, Object>) template.raw().get("Resources")).get(id);
        if (r == null) {
            throw new IllegalStateException("no " + id + " in " + template.file());
        }
        return (Map<String, Object>) r;
    }

    // ------------------------------------------------------------------ requests

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            beforeRequest.run();
            String path = x.getRequestURI().getRawPath();
            if (path.equals(SIGN_IN_PATH)) {
                signIn(x);
                return;
            }
            String method = x.getRequestMethod().toUpperCase(Locale.ROOT);
            Route route = routes.stream().filter(r -> (r.method().equals("ANY") || r.method().equals(method))
                    && r.path().matcher(path).matches()).findFirst().orElse(null);
            if (route == null) {
                send(x, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            Map<String, String> claims = null;
            if (route.authorized()) {
                try {
                    claims = authorizer.verify(x.getRequestHeaders().getFirst("Authorization"));
                } catch (LocalJwtAuthorizer.Rejected e) {
                    send(x, 401, Map.of("content-type", "application/json", "www-authenticate", "Bearer"), "{\"message\":\"Unauthorized\"}");
                    return;
                }
            }
            APIGatewayV2HTTPResponse r = (APIGatewayV2HTTPResponse) runtime.invoke(FUNCTION, event(x, route, claims));
            String body = r.getBody() == null ? "" : r.getIsBase64Encoded()
                    ? new String(java.util.Base64.getDecoder().decode(r.getBody()), StandardCharsets.UTF_8) : r.getBody();
            send(x, r.getStatusCode(), r.getHeaders() == null ? Map.of() : r.getHeaders(), body);
        } catch (RuntimeException e) {
            // What API Gateway answers when the integration fails.
            System.err.println("[kefu-console] " + e);
            send(x, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        }
    }

    /** The payload format 2.0 event API Gateway would send for this request. */
    private APIGatewayV2HTTPEvent event(HttpExchange x, Route route, Map<String, String> claims) throws IOException {
        URI uri = x.getRequestURI();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        x.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        Map<String, String> query = null;
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.merge(k, v, (a, b) -> a + "," + b);   // repeated parameters: comma-joined, as API Gateway does
            }
        }
        byte[] body = x.getRequestBody().readAllBytes();
        Instant now = Instant.now();
        var authorizerDescription = claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).withScopes(null).build()).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(LocalAwsStack.LOCAL_ACCOUNT).withApiId("local-" + API)
                .withDomainName(headers.getOrDefault("host", "127.0.0.1")).withDomainPrefix("127")
                .withRequestId(UUID.randomUUID().toString()).withRouteKey(route.key()).withStage("$default")
                .withTime(REQUEST_TIME.format(now)).withTimeEpoch(now.toEpochMilli())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(x.getRequestMethod().toUpperCase(Locale.ROOT))
                        .withPath(uri.getRawPath()).withProtocol(x.getProtocol())
                        .withSourceIp(x.getRemoteAddress().getAddress().getHostAddress())
                        .withUserAgent(headers.getOrDefault("user-agent", "")).build())
                .withAuthorizer(authorizerDescription).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(route.key()).withRawPath(uri.getRawPath())
                .withRawQueryString(uri.getRawQuery() == null ? "" : uri.getRawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies).withHeaders(headers).withQueryStringParameters(query)
                .withBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8)).withIsBase64Encoded(false)
                .withRequestContext(context).build();
    }

    // ------------------------------------------------------------------ the local "hosted UI"

    private void signIn(HttpExchange x) throws IOException {
        String self = url().toString();
        if (x.getRequestMethod().equalsIgnoreCase("POST")) {
            Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            LocalUser user = users.find(form.getOrDefault("username", "")).orElse(null);
            String redirect = form.getOrDefault("redirect_uri", self);
            if (user == null || !redirect.startsWith(self)) {   // seeded users only; back to this console only
                send(x, 400, Map.of("content-type", "text/plain; charset=utf-8"), "unknown user or foreign redirect_uri");
                return;
            }
            x.getResponseHeaders().add("Location", self + "#id_token=" + authorizer.issue(user));
            send(x, 303, Map.of("cache-control", "no-store"), "");
            return;
        }
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>Local sign-in 本地登录</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><main class=\"signin\">"
                + "<h1>Local sign-in 本地登录</h1><p class=\"muted\">Seeded users of <code>kefu up</code>; in AWS this is the Cognito"
                + " hosted sign-in. Tokens are signed with a key made when the stack started.</p>");
        for (LocalUser u : users.all()) {
            page.append("<form method=\"post\" action=\"").append(SIGN_IN_PATH).append("\">")
                    .append("<input type=\"hidden\" name=\"redirect_uri\" value=\"").append(html(self)).append("\">")
                    .append("<button type=\"submit\" name=\"username\" value=\"").append(html(u.username())).append("\" id=\"as-")
                    .append(html(u.username())).append("\">").append(html(u.label())).append(" (").append(html(u.group()))
                    .append(")</button></form>");
        }
        page.append("</main></body></html>");
        send(x, 200, Map.of("content-type", "text/html; charset=utf-8", "content-security-policy",
                "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"), page.toString());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static void send(HttpExchange x, int status, Map<String, String> headers, String body) throws IOException {
        headers.forEach((k, v) -> x.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

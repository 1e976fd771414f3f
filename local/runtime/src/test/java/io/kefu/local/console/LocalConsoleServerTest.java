package io.kefu.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local API Gateway in front of a recording handler: the template's routes and authorizer, payload 2.0
 * events in, the function's response out, and the local sign-in.
 */
class LocalConsoleServerTest {
    static final List<APIGatewayV2HTTPEvent> seen = new CopyOnWriteArrayList<>();
    static LocalAwsStack stack;
    static LocalConsoleServer server;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static final class Recording implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent e, Context c) {
            seen.add(e);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("content-type", "text/plain"))
                    .withBody("route " + e.getRouteKey()).build();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        stack = LocalAwsStack.isolated();
        var bound = LocalConsoleServer.bind(0);
        ManualClock clock = ManualClock.at(Instant.now());
        LocalLambdaRuntime runtime = LocalConsoleServer.runtimeFor(stack, bound.getAddress().getPort()).clock(clock)
                .handler(LocalConsoleServer.FUNCTION, new Recording()).build();
        server = LocalConsoleServer.start(bound, runtime, clock, LocalUsers.seeded(), () -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
        stack.close();
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.url().resolve(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAuthorizerReadsTheTemplatesIssuerAndAudience() {
        assertThat(server.authorizer().issuer()).isEqualTo("https://cognito-idp." + stack.region() + ".amazonaws.com/local-ConsoleUserPool");
        assertThat(server.authorizer().audience()).isEqualTo("local-ConsoleUserPoolClient");
    }

    @Test
    void apiRoutesWithoutAValidTokenGet401AndNeverReachTheFunction() throws Exception {
        int before = seen.size();
        HttpResponse<String> r = get("/api/session", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(get("/api/session", "garbage").statusCode()).isEqualTo(401);
        assertThat(seen).hasSize(before);
        assertThat(get("/no/such/route", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSignedInRequestArrivesAsAPayload2EventWithTheVerifiedClaims() throws Exception {
        String token = server.authorizer().issue(LocalUsers.seeded().find("zhang.wei").orElseThrow());
        HttpResponse<String> r = get("/api/scores?status=FAIL&status=NEEDS_REVIEW&from=2026-11-01", token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("route ANY /api/{proxy+}");
        APIGatewayV2HTTPEvent e = seen.get(seen.size() - 1);
        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRawPath()).isEqualTo("/api/scores");
        assertThat(e.getQueryStringParameters()).containsEntry("status", "FAIL,NEEDS_REVIEW").containsEntry("from", "2026-11-01");
        assertThat(e.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(e.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("cognito:groups", "[agent]").containsEntry("custom:agent_id", "agent-013");
        assertThat(get("/", null).body()).isEqualTo("route GET /");
        assertThat(get("/app.js", null).body()).isEqualTo("route GET /{asset}");
        assertThat(seen.get(seen.size() - 1).getRequestContext().getAuthorizer()).as("asset routes carry no claims").isNull();
    }

    @Test
    void theLocalSignInListsSeededUsersAndRedirectsBackWithAnIdToken() throws Exception {
        HttpResponse<String> page = get(LocalConsoleServer.SIGN_IN_PATH, null);
        assertThat(page.body()).contains("id=\"as-lead.li\"").contains("id=\"as-zhang.wei\"").contains("id=\"as-manager.zhao\"");
        assertThat(page.headers().firstValue("content-security-policy").orElse("")).contains("default-src 'none'");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(server.url().resolve(LocalConsoleServer.SIGN_IN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=lead.li&redirect_uri=" + server.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String location = signedIn.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(server.url() + "#id_token=");
        String token = location.substring(location.indexOf('=') + 1);
        assertThat(server.authorizer().verify(token)).containsEntry("cognito:username", "lead.li");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(server.url().resolve(LocalConsoleServer.SIGN_IN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=lead.li&redirect_uri=https://evil.example/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(400);
    }
}

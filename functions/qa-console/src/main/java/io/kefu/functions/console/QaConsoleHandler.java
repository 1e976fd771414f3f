package io.kefu.functions.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.kefu.shared.app.qa.ReviewService;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.aws.qa.DynamoQaReviewStore;
import io.kefu.shared.aws.qa.QaScoreQueries;
import io.kefu.shared.aws.qa.SurveyCsatReader;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.runtime.Priming;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * HTTP API (payload format 2.0) -> ConsoleRoutes -> ConsoleService. API Gateway's JWT authorizer has verified the
 * Cognito ID token on /api/* before this runs; the handler only passes its claims on. One JSON log line per
 * request: method, route, status, role; never a transcript or a claim value.
 */
public final class QaConsoleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ConsoleRoutes routes;
    private final EventLog log;
    private final Priming priming;

    public QaConsoleHandler() {
        this(Environment.fromSystem());
    }

    public QaConsoleHandler(Environment env) {
        this.log = new EventLog("qa-console", env.clock());
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        String scores = env.require("QA_SCORES_TABLE");
        QaScoreQueries queries = new QaScoreQueries(dynamo, scores);
        ConsoleService service = new ConsoleService(queries,
                new ReviewService(new DynamoQaReviewStore(dynamo, scores), env.clock()),
                new SurveyCsatReader(dynamo, env.require("SURVEY_AGGREGATES_TABLE")),
                new ConsoleAccess(Duration.ofDays(Long.parseLong(env.get("DISPUTE_WINDOW_DAYS", "7")))),
                env.clock(), env.get("FOLLOW_UP_URL", ""));
        this.routes = new ConsoleRoutes(service, env.require("SIGN_IN_URL"));
        this.priming = Priming.register("qa-console", log, AwsClients.primingRead(dynamo, env.require("QA_SCORES_TABLE")));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ConsoleResponse r;
        try {
            r = routes.handle(request(event));
        } catch (RuntimeException e) {
            // A failure of ours or of DynamoDB: the caller learns nothing of it but that it failed.
            log.error("console.failed", Map.of("route", route(event), "error", e.getClass().getName()));
            r = ConsoleResponse.json(500, "{\"error\":\"internal\",\"message\":\"the console failed; try again\"}");
        }
        log.info("console.request", Map.of("method", method(event), "route", route(event), "status", r.status()));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(r.status()).withHeaders(r.headers())
                .withBody(r.body()).withIsBase64Encoded(false).build();
    }

    static ConsoleRequest request(APIGatewayV2HTTPEvent e) {
        Map<String, String> claims = null;
        var ctx = e.getRequestContext();
        if (ctx != null && ctx.getAuthorizer() != null && ctx.getAuthorizer().getJwt() != null) {
            claims = ctx.getAuthorizer().getJwt().getClaims();
        }
        String body = e.getBody();
        if (body != null && e.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new ConsoleRequest(method(e), e.getRawPath(), e.getQueryStringParameters(), body, claims);
    }

    private static String method(APIGatewayV2HTTPEvent e) {
        return e.getRequestContext() != null && e.getRequestContext().getHttp() != null
                ? e.getRequestContext().getHttp().getMethod() : "GET";
    }

    /** The route key without the ids in the path (API Gateway's own "ANY /api/{proxy+}" says too little). */
    private static String route(APIGatewayV2HTTPEvent e) {
        String p = e.getRawPath() == null ? "/" : e.getRawPath();
        return p.replaceAll("^/api/chats/[^/]+", "/api/chats/{id}");
    }
}

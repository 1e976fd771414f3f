package io.kefu.functions.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.local.stack.RepoRoot;
import io.kefu.shared.app.qa.ScoreTranscriptService;
import io.kefu.shared.effects.MessageMeta;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.json.Json;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.runtime.EventLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The handler on the embedded stack with payload 2.0 events as API Gateway sends them (claims as its JWT
 * authorizer passes them): the sample transcripts scored by the real scoring service, then read and reviewed
 * through the console's API by each role.
 */
class QaConsoleHandlerTest {
    static final Instant SCORED = Instant.parse("2026-11-11T03:00:00Z");
    static final String RUDE = "chat-20261111-0003";       // agent-013, tmall-flagship-cs, FAIL (red line)
    static final String GOOD = "chat-20261111-0001";       // agent-007, tmall-flagship-cs
    static final Map<String, String> LEAD = Map.of("cognito:username", "lead.li", "cognito:groups", "[qa-lead]",
            "custom:teams", "tmall-flagship-cs");
    static final Map<String, String> OTHER_LEAD = Map.of("cognito:username", "lead.emma", "cognito:groups", "[qa-lead]",
            "custom:teams", "global-store-cs");
    static final Map<String, String> MANAGER = Map.of("cognito:username", "manager.zhao", "cognito:groups", "[manager]",
            "custom:teams", "tmall-flagship-cs,global-store-cs");
    static final Map<String, String> AGENT_013 = Map.of("cognito:username", "zhang.wei", "cognito:groups", "[agent]",
            "custom:agent_id", "agent-013");

    /** The score item's key under the packaged rulebook (its version moves when the rulebook does). */
    static final String SCORE_SK = "SCORE#default#" + String.format("%06d", io.kefu.shared.domain.qa.RulebookLoader.defaultRulebook().version());
    static LocalAwsStack stack;
    static final ManualClock clock = ManualClock.at(SCORED);
    QaConsoleHandler handler;

    @BeforeAll
    static void stack() {
        stack = LocalAwsStack.isolated();
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    @BeforeEach
    void scoreSamples() throws Exception {
        stack.reset();
        clock.set(SCORED);
        var quiet = new EventLog("test", clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        var service = new ScoreTranscriptService(new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook())),
                new DynamoQaScoreRepository(stack.dynamoDb(), stack.tableName("QaScoresTable")), f -> { }, s -> { }, clock, quiet);
        try (Stream<Path> files = Files.list(RepoRoot.find().resolve("events/transcripts"))) {
            for (Path f : files.sorted().toList()) {
                service.handle(TranscriptMessage.CONTRACT.decode(Files.readString(f)), new MessageMeta("m-" + f.getFileName(), 1, "arn"));
            }
        }
        clock.set(SCORED.plus(Duration.ofHours(2)));
        handler = new QaConsoleHandler(Environment.of(stack.functionEnvironment("QaConsoleFunction"), clock));
    }

    APIGatewayV2HTTPResponse call(String method, String path, Map<String, String> claims, String body) {
        String raw = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Map<String, String> query = new HashMap<>();
        if (path.contains("?")) {
            for (String p : path.substring(path.indexOf('?') + 1).split("&")) {
                query.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
            }
        }
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(raw).build())
                .withAuthorizer(claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build())
                .build();
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(raw)
                .withQueryStringParameters(query.isEmpty() ? null : query).withBody(body).withRequestContext(context).build(), null);
    }

    JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.mapper().readTree(r.getBody());
    }

    Map<String, AttributeValue> scoreItem(String id) {
        return stack.dynamoDb().getItem(b -> b.tableName(stack.tableName("QaScoresTable")).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("TRANSCRIPT#" + id), "sk", AttributeValue.fromS(SCORE_SK)))).item();
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("transcriptId").asText()));
        return out;
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicyAndNoToken() {
        APIGatewayV2HTTPResponse page = call("GET", "/", null, null);
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders().get("content-security-policy")).contains("script-src 'self'").doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'");
        assertThat(page.getBody()).contains("<script src=\"/app.js\"").doesNotContain("http://").doesNotContain("https://");
        assertThat(call("GET", "/app.js", null, null).getHeaders().get("content-type")).startsWith("text/javascript");
        assertThat(call("GET", "/../pom.xml", null, null).getStatusCode()).isEqualTo(404);
        assertThat(call("GET", "/config.json", null, null).getBody()).contains("amazoncognito.com/login");
    }

    @Test
    void theApiWithoutVerifiedClaimsIs401() {
        assertThat(call("GET", "/api/session", null, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void aLeadsQueueHoldsOnlyTheirTeamsOpenChatsNeedsReviewFirst() throws Exception {
        JsonNode page = json(call("GET", "/api/scores?from=2026-11-01&to=2026-11-30", LEAD, null));
        assertThat(page.get("plan").asText()).startsWith("ByStatus");
        List<String> statuses = new ArrayList<>();
        page.get("items").forEach(i -> {
            assertThat(i.get("team").asText()).isEqualTo("tmall-flagship-cs");
            statuses.add(i.get("status").asText());
        });
        assertThat(ids(page)).contains(RUDE);
        assertThat(statuses).isSortedAccordingTo(java.util.Comparator.comparing(s -> List.of("NEEDS_REVIEW", "DISPUTED", "FAIL").indexOf(s)));
        JsonNode other = json(call("GET", "/api/scores?from=2026-11-01&to=2026-11-30", OTHER_LEAD, null));
        assertThat(ids(other)).isNotEmpty().doesNotContain(RUDE);
        assertThat(call("GET", "/api/scores?team=tmall-flagship-cs&from=2026-11-01&to=2026-11-30", OTHER_LEAD, null).getStatusCode())
                .isEqualTo(403);
    }

    @Test
    void pagesFollowTheIndexCursor() throws Exception {
        JsonNode first = json(call("GET", "/api/scores?from=2026-11-01&to=2026-11-30&limit=1", MANAGER, null));
        assertThat(first.get("items")).hasSize(1);
        String cursor = first.get("cursor").asText();
        JsonNode second = json(call("GET", "/api/scores?from=2026-11-01&to=2026-11-30&limit=1&cursor=" + cursor, MANAGER, null));
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void anAgentSeesOnlyTheirOwnChatsAndGets403ForAnotherAgentsChat() throws Exception {
        JsonNode mine = json(call("GET", "/api/scores?from=2026-11-01&to=2026-11-30", AGENT_013, null));
        assertThat(mine.get("plan").asText()).startsWith("ByAgent");
        assertThat(ids(mine)).containsExactly(RUDE);
        APIGatewayV2HTTPResponse other = call("GET", "/api/chats/" + GOOD, AGENT_013, null);
        assertThat(other.getStatusCode()).isEqualTo(403);
        assertThat(other.getBody()).doesNotContain("您好");   // no transcript text in the refusal
        assertThat(call("GET", "/api/scores?agent=agent-007&from=2026-11-01&to=2026-11-30", AGENT_013, null).getStatusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/chats/" + RUDE, OTHER_LEAD, null).getStatusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/chats/no-such-chat", LEAD, null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void theChatViewPutsFindingsAndEvidenceWithTheMessages() throws Exception {
        JsonNode chat = json(call("GET", "/api/chats/" + RUDE, LEAD, null));
        assertThat(chat.get("score").get("rulebookId").asText()).isEqualTo("default");
        assertThat(chat.get("messages").get(1).get("text").asText()).contains("不知道");
        assertThat(chat.get("findings").findValuesAsText("ruleId")).contains("forbidden", "insult");
        assertThat(chat.get("mayReview").asBoolean()).isTrue();
        assertThat(chat.get("mayDispute").asBoolean()).isFalse();
        JsonNode promise = json(call("GET", "/api/chats/chat-20261111-0006", MANAGER, null)).get("followUps");
        assertThat(promise.findValuesAsText("followUpId")).singleElement().asString().startsWith("promise:chat-20261111-0006:");
        JsonNode asAgent = json(call("GET", "/api/chats/" + RUDE, AGENT_013, null));
        assertThat(asAgent.get("mayDispute").asBoolean()).isTrue();
        assertThat(asAgent.get("mayReview").asBoolean()).isFalse();
    }

    @Test
    void overrideThenDisputeThenResolveGoThroughTheAuditedReviewPath() throws Exception {
        APIGatewayV2HTTPResponse override = call("POST", "/api/chats/" + RUDE + "/review", LEAD,
                "{\"action\":\"OVERRIDE\",\"score\":40,\"reason\":\"客户先辱骂，客服语气可以理解\",\"overturnedRules\":[\"empathy\"]}");
        assertThat(override.getStatusCode()).as(override.getBody()).isEqualTo(200);
        assertThat(scoreItem(RUDE).get("status").s()).isEqualTo("REVIEWED");
        assertThat(scoreItem(RUDE).get("reviewedScore").n()).isEqualTo("40");
        assertThat(scoreItem(RUDE).get("reviewedBy").s()).isEqualTo("lead.li");

        clock.advance(Duration.ofMinutes(5));   // audit items are keyed by time and actor
        assertThat(call("POST", "/api/chats/" + RUDE + "/dispute", MANAGER, "{\"reason\":\"managers cannot\"}").getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse dispute = call("POST", "/api/chats/" + RUDE + "/dispute", AGENT_013, "{\"reason\":\"客户先骂人，我已道歉\"}");
        assertThat(dispute.getStatusCode()).as(dispute.getBody()).isEqualTo(200);
        assertThat(scoreItem(RUDE).get("status").s()).isEqualTo("DISPUTED");

        clock.advance(Duration.ofMinutes(5));
        assertThat(call("POST", "/api/chats/" + RUDE + "/resolve", MANAGER,
                "{\"outcome\":\"REJECT\",\"reason\":\"managers read only\"}").getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse resolve = call("POST", "/api/chats/" + RUDE + "/resolve", LEAD,
                "{\"outcome\":\"UPHOLD\",\"score\":60,\"reason\":\"录音证实客户先辱骂\"}");
        assertThat(resolve.getStatusCode()).as(resolve.getBody()).isEqualTo(200);
        assertThat(scoreItem(RUDE).get("status").s()).isEqualTo("REVIEWED");
        assertThat(scoreItem(RUDE).get("reviewedScore").n()).isEqualTo("60");
        JsonNode trail = json(call("GET", "/api/chats/" + RUDE, AGENT_013, null)).get("reviews");
        assertThat(trail.findValuesAsText("action")).containsExactly("OVERRIDE", "DISPUTE", "DISPUTE_UPHELD");
        assertThat(trail.findValuesAsText("actor")).containsExactly("lead.li", "agent-013", "lead.li");
    }

    @Test
    void theDisputeWindowClosesSevenDaysAfterScoring() throws Exception {
        clock.set(SCORED.plus(Duration.ofDays(7)).plusSeconds(1));
        APIGatewayV2HTTPResponse late = call("POST", "/api/chats/" + RUDE + "/dispute", AGENT_013, "{\"reason\":\"too late now\"}");
        assertThat(late.getStatusCode()).isEqualTo(403);
        assertThat(json(late).get("message").asText()).contains("7 days");
        assertThat(scoreItem(RUDE).get("status").s()).isEqualTo("FAIL");
    }

    @Test
    void badInputNamesTheField() throws Exception {
        APIGatewayV2HTTPResponse r = call("POST", "/api/chats/" + RUDE + "/review", LEAD, "{\"action\":\"DELETE\"}");
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("action");
        assertThat(json(call("GET", "/api/scores?min=high", LEAD, null)).get("field").asText()).isEqualTo("min");
        assertThat(json(call("POST", "/api/chats/" + RUDE + "/review", LEAD, "not json")).get("field").asText()).isEqualTo("body");
        assertThat(json(call("GET", "/api/scores?cursor=forged", LEAD, null)).get("field").asText()).isEqualTo("cursor");
        assertThat(json(call("GET", "/api/scores?from=2026-01-01&to=2026-11-30", LEAD, null)).get("message").asText()).contains("92 days");
        APIGatewayV2HTTPResponse noReason = call("POST", "/api/chats/" + RUDE + "/review", LEAD, "{\"action\":\"OVERRIDE\",\"score\":50}");
        assertThat(noReason.getStatusCode()).isEqualTo(409);
        assertThat(json(noReason).get("message").asText()).contains("reason");
    }

    @Test
    void theInboxCountsWhatNeedsTheLeadAndTheReportCoversTheirTeams() throws Exception {
        JsonNode inbox = json(call("GET", "/api/inbox?from=2026-11-01", LEAD, null));
        int open = 0;
        for (JsonNode n : inbox.get("counts")) {
            open += n.asInt();
        }
        assertThat(open).isPositive();
        JsonNode report = json(call("GET", "/api/report?from=2026-11-01&to=2026-11-30", LEAD, null));
        assertThat(report.get("leaderboard").findValuesAsText("team")).containsOnly("tmall-flagship-cs");
        assertThat(report.get("summary").get("scores").asInt()).isEqualTo(6);
        JsonNode mine = json(call("GET", "/api/report?from=2026-11-01&to=2026-11-30", AGENT_013, null));
        assertThat(mine.get("leaderboard").findValuesAsText("agentId")).containsExactly("agent-013");
    }
}

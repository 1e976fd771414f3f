package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.cli.qa.QaCommand;
import io.kefu.shared.aws.DeadLetterParking;
import io.kefu.shared.aws.SqsBatchProcessor;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.aws.qa.ScoreItems;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.Outcome;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.Json;
import io.kefu.shared.runtime.EventLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The hostile cases of issue 11 on the running stack (real handlers, embedded SQS and DynamoDB): personal data in
 * the shapes people type it, input that must be refused at once with the field named, and stored text that must
 * not reach a terminal or a spreadsheet as control sequences or formulas.
 */
class HostileInputTest {
    /** A well-formed token that belongs to no survey: the contract refuses the body before the token is looked up. */
    private static final String SOME_TOKEN = "Zm9yZ2VkLXRva2VuLTAwMQ";

    /** An agent disclosing personal data; {@code parts} are the agent's consecutive messages. */
    record Leak(String name, List<String> parts, List<String> values) {}

    private static final List<Leak> LEAKS = List.of(
            new Leak("full-width digits", List.of("您留的手机是１３８１２３４５６７８"), List.of("１３８１２３４５６７８")),
            new Leak("Chinese numerals", List.of("您的电话是幺三八幺两三四五六七八对吗"), List.of("幺三八幺两三四五六七八")),
            new Leak("dots", List.of("手机 138.1234.5678 已登记"), List.of("138.1234.5678")),
            new Leak("slashes", List.of("手机139/8765/4321"), List.of("139/8765/4321")),
            new Leak("NBSP and zero-width spaces", List.of("号码138\u00a01234\u200b5678"), List.of("1234", "5678")),
            new Leak("one digit per token", List.of("电话 1 3 8 1 2 3 4 5 6 7 8"), List.of("1 3 8 1 2 3 4 5 6 7 8")),
            new Leak("split over three agent messages", List.of("您的手机号是139", "8765", "4321对吧"), List.of("139", "8765", "4321")),
            new Leak("ID number with spaces", List.of("身份证 110105 19900307 1239 已核对"), List.of("110105 19900307 1239")),
            new Leak("card with dots", List.of("卡号6222.0200.0012.3456.782"), List.of("6222.0200.0012.3456.782")),
            new Leak("card in odd groups", List.of("卡号 62220 20000 12345 6782"), List.of("62220 20000 12345 6782")),
            new Leak("card no. is not an order number", List.of("card no. 6225 8801 2345 6783 refunded"), List.of("6225 8801 2345 6783")),
            new Leak("ID no. is not an order number", List.of("ID no. 110105199003071239 verified"), List.of("110105199003071239")),
            new Leak("# is not an order number", List.of("refund to #6229081234567891"), List.of("6229081234567891")),
            new Leak("e-mail with (at)", List.of("邮箱 zhang.wei(at)163.com 已记录"), List.of("zhang.wei(at)163.com")),
            new Leak("e-mail with [at] [dot]", List.of("mail lisa [at] gmail [dot] com"), List.of("lisa [at] gmail [dot] com")),
            new Leak("e-mail with full-width ＠ and 。", List.of("邮箱wangfang＠qq。com"), List.of("wangfang＠qq。com")),
            new Leak("e-mail with spaces", List.of("email tom.lee @ gmail . com"), List.of("tom.lee @ gmail . com")),
            new Leak("e-mail with 艾特 and 点", List.of("邮箱liuyang艾特qq点com"), List.of("liuyang艾特qq点com")));

    @Test
    void personalDataInEveryShapeFailsTheRedLineAndIsNotStoredInTranscriptsCommentsFollowUpsOrTheDlq() throws Exception {
        GoodMessages good = new GoodMessages("pii");
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            for (int i = 0; i < LEAKS.size(); i++) {
                rig.send("TranscriptsQueue", leakingChat("pii-leak-" + i, LEAKS.get(i).parts()));
            }
            // a poison chat (unknown role) that also carries personal data: its parked copy must be redacted
            ObjectNode poison = (ObjectNode) Json.mapper().readTree(leakingChat("pii-poison", List.of("手机１３８１２３４５６７８")));
            ((ObjectNode) poison.withArray("messages").get(0)).put("role", "hacker");
            rig.send("TranscriptsQueue", poison.toString());
            rig.send("SurveyRequestsQueue", good.surveyRequest(0));
            List<String> tokens = rig.sendDueSurveysAndCollectTokens();
            ObjectNode answer = (ObjectNode) Json.mapper().readTree(GoodMessages.surveyResponse(tokens.get(0), 0)); // csat 1: low
            String comment = "太慢了！打我电话１３９ ８７６５ ４３２１或者发邮箱liuyang艾特qq点com，身份证110105 19900307 1239";
            answer.put("comment", comment);
            rig.send("SurveyResponsesQueue", answer.toString());
            rig.drain();
            rig.effects.collect();

            int redLine = 0;
            int storedClean = 0;
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < LEAKS.size(); i++) {
                Leak leak = LEAKS.get(i);
                Map<String, AttributeValue> item = scoreItem(rig, "pii-leak-" + i);
                Finding pii = ScoreItems.findings(item).stream().filter(f -> f.ruleId().equals("pii-disclosure"))
                        .findFirst().orElseThrow();
                if (pii.outcome() == Outcome.FAIL) {
                    redLine++;
                } else {
                    problems.add(leak.name() + ": red line " + pii.outcome());
                }
                String stored = DynamoQaScoreRepository.transcriptOf(item).stream().map(Message::text)
                        .reduce("", (a, b) -> a + "\n" + b);
                if (leak.values().stream().noneMatch(stored::contains) && stored.contains("[")) {
                    storedClean++;
                } else {
                    problems.add(leak.name() + ": stored " + stored);
                }
            }
            Map<String, AttributeValue> survey = surveyOf(rig, "pii-C-0");
            String storedComment = survey.get("comment").s();
            List<Effects.Sent> followUps = rig.effects.messages("FollowUpsQueue").stream()
                    .filter(m -> m.body().contains("LOW_SCORE")).toList();
            List<Effects.Sent> parked = rig.effects.messages("TranscriptsDlq");
            String[] commentValues = {"１３９ ８７６５ ４３２１", "８７６５", "liuyang艾特qq点com", "19900307"};

            assertThat(problems).isEmpty();
            assertThat(storedComment).doesNotContain(commentValues).contains("[MOBILE]", "[EMAIL]", "[ID]");
            assertThat(followUps).hasSize(1);
            assertThat(Json.mapper().readTree(followUps.get(0).body()).get("comment").asText()).isEqualTo(storedComment);
            assertThat(parked).hasSize(1);
            Effects.Sent copy = parked.get(0);
            assertThat(copy.body()).doesNotContain("１３８１２３４５６７８").contains("[MOBILE]", "pii-poison", "hacker");
            assertThat(copy.attributes()).containsEntry("kefu.error.field", "messages[0].role")
                    .containsKey("kefu.source.bodySha256").containsKey("kefu.source.messageId");
            assertThat(TranscriptMessage.CONTRACT.decode(copy.body().replace("hacker", "customer"))).as("replayable").isNotNull();
            logs.console().printf("RELIABILITY hostile pii chats=%d redLineFailed=%d storedRedacted=%d"
                            + " surveyCommentRedacted=%s lowScoreFollowUpRedacted=%s parkedCopyRedacted=%s%n", LEAKS.size(),
                    redLine, storedClean, !storedComment.contains("８７６５"), !followUps.get(0).body().contains("８７６５"),
                    !copy.body().contains("１３８１２３４５６７８"));
        }
    }

    /** One kind of bad input per row: the queue, the body, the field the DLQ must name. */
    record Refusal(String name, String queue, String body, String field) {}

    @Test
    void hostileInputIsParkedAtOnceWithTheFieldNamed() throws Exception {
        GoodMessages good = new GoodMessages("bad");
        List<Refusal> cases = new ArrayList<>();
        // lone surrogates (as JSON escapes: a raw one cannot even be sent to SQS) in free-text fields
        cases.add(new Refusal("lone surrogate in a chat line", "TranscriptsQueue",
                edit(good.transcript(0), t -> ((ObjectNode) t.withArray("messages").get(1)).put("text", "您好\ud800")), "messages[1].text"));
        cases.add(new Refusal("lone surrogate in a survey comment", "SurveyResponsesQueue",
                edit(GoodMessages.surveyResponse(SOME_TOKEN, 0), r -> r.put("comment", "差评\udc00")), "comment"));
        cases.add(new Refusal("lone surrogate in a survey request", "SurveyRequestsQueue",
                edit(good.surveyRequest(1), r -> r.put("team", "team\ud83d")), "team"));
        cases.add(new Refusal("non-character in a survey comment", "SurveyResponsesQueue",
                edit(GoodMessages.surveyResponse(SOME_TOKEN, 0), r -> r.put("comment", "ok\uffff")), "comment"));
        // times far ahead of the function's clock (2026-11-28 in the rig)
        cases.add(new Refusal("chat dated 2090", "TranscriptsQueue",
                edit(good.transcript(2), t -> lastLine(t).put("ts", "2090-01-01T10:00:00+08:00")), "messages[" + (lines(good.transcript(2)) - 1) + "].ts"));
        cases.add(new Refusal("chat a week ahead", "TranscriptsQueue",
                edit(good.transcript(3), t -> lastLine(t).put("ts", "2026-12-05T10:00:00+08:00")), "messages[" + (lines(good.transcript(3)) - 1) + "].ts"));
        cases.add(new Refusal("shipment event dated 2090", "ShipmentEventsQueue",
                edit(good.shipmentEvent(0), e -> e.put("eventTime", "2090-01-01T00:00:00Z")), "eventTime"));
        cases.add(new Refusal("carrier ETA in 2090", "ShipmentEventsQueue",
                edit(good.shipmentEvent(1), e -> e.put("carrierEta", "2090-01-01T00:00:00Z")), "carrierEta"));
        cases.add(new Refusal("survey subject dated 2090", "SurveyRequestsQueue",
                edit(good.surveyRequest(2), r -> r.put("occurredAt", "2090-01-01T00:00:00Z")), "occurredAt"));
        cases.add(new Refusal("answer dated 2090", "SurveyResponsesQueue",
                edit(GoodMessages.surveyResponse(SOME_TOKEN, 0), r -> r.put("answeredAt", "2090-01-01T00:00:00Z")), "answeredAt"));
        // fractions in integer fields
        cases.add(new Refusal("csat 3.5", "SurveyResponsesQueue",
                edit(GoodMessages.surveyResponse(SOME_TOKEN, 0), r -> r.put("csat", 3.5)), "csat"));
        cases.add(new Refusal("csat 2.0", "SurveyResponsesQueue",
                edit(GoodMessages.surveyResponse(SOME_TOKEN, 0), r -> r.put("csat", 2.0)), "csat"));
        cases.add(new Refusal("topic rating 4.5", "SurveyResponsesQueue",
                edit(GoodMessages.surveyResponse(SOME_TOKEN, 0), r -> r.with("topicRatings").put("LOGISTICS_SPEED", 4.5)),
                "topicRatings.LOGISTICS_SPEED"));
        cases.add(new Refusal("sequence 3.7", "ShipmentEventsQueue",
                edit(good.shipmentEvent(2), e -> e.put("sequence", 3.7)), "sequence"));
        cases.add(new Refusal("orderValueCents 89999.99", "ShipmentEventsQueue",
                edit(good.shipmentEvent(3), e -> e.put("orderValueCents", 89999.99)), "orderValueCents"));
        // duplicate keys: producer and consumer could each read a different one
        String event = good.shipmentEvent(4);
        cases.add(new Refusal("status twice", "ShipmentEventsQueue",
                event.substring(0, event.length() - 1) + ",\"status\":\"DELIVERED\"}", "status"));
        String chat = good.transcript(5);
        cases.add(new Refusal("transcriptId twice", "TranscriptsQueue",
                "{\"transcriptId\":\"bad-T-other\"," + chat.substring(1), "transcriptId"));
        String answer = GoodMessages.surveyResponse(SOME_TOKEN, 3);
        cases.add(new Refusal("csat twice", "SurveyResponsesQueue",
                answer.substring(0, answer.length() - 1) + ",\"csat\":1}", "csat"));

        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            Map<String, String> expected = new LinkedHashMap<>();
            for (Refusal c : cases) {
                expected.put(rig.send(c.queue(), c.body()), c.name() + " -> " + c.field());
            }
            rig.drain();
            rig.effects.collect();
            Map<String, String> actual = new LinkedHashMap<>();
            for (String queue : List.of("TranscriptsDlq", "ShipmentEventsDlq", "SurveyRequestsDlq", "SurveyResponsesDlq")) {
                for (Effects.Sent parked : rig.effects.messages(queue)) {
                    String id = parked.attributes().get("kefu.source.messageId");
                    String name = expected.getOrDefault(id, "?");
                    actual.put(id, name.substring(0, name.indexOf(" -> ") + 4) + parked.attributes().get("kefu.error.field"));
                }
            }
            List<String> mismatches = new ArrayList<>();
            expected.forEach((id, want) -> {
                if (!want.equals(actual.get(id))) {
                    mismatches.add(want + " but " + (actual.containsKey(id) ? actual.get(id) : "not parked"));
                }
            });
            assertThat(mismatches).isEmpty();
            assertThat(logs.events("message.failed")).as("parked at once, never retried").isEmpty();
            assertThat(logs.events("message.processed")).isEmpty();
            logs.console().printf("RELIABILITY hostile refused kinds=%d parkedAtOnceWithField=%d retried=0 processed=0%n",
                    cases.size(), cases.size() - mismatches.size());
        }
    }

    @Test
    void parkingCannotFailOnABodyWithARawLoneSurrogate() {
        try (Rig rig = Rig.fresh().build()) {
            String dlq = rig.stack.queueUrl("TranscriptsDlq");
            // what Lambda hands the function when the event's JSON carried "\ud800" in the body itself
            ObjectNode chat = (ObjectNode) Samples.json("transcripts/zh-pii-leaked.json");
            String body = chat.toString().replace("好的谢谢", "好的\ud800谢谢");
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("raw-surrogate-1");
            message.setBody(body);
            message.setEventSourceArn(rig.stack.queueArn("TranscriptsQueue"));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(message));
            EventLog log = new EventLog("test", Clock.fixed(Rig.START, ZoneOffset.UTC), new PrintStream(new ByteArrayOutputStream()));
            SqsBatchProcessor batch = new SqsBatchProcessor(new DeadLetterParking(rig.stack.sqs(), dlq), log);
            SQSBatchResponse response = batch.process(event, TranscriptMessage.CONTRACT, (m, meta) -> { });
            // and parking on its own, with a reason that echoes the bad text
            new DeadLetterParking(rig.stack.sqs(), dlq).park(message, new InvalidMessageException("messages[3].text", "bad \ud800"));
            rig.effects.collect();
            List<Effects.Sent> parked = rig.effects.messages("TranscriptsDlq");

            assertThat(response.getBatchItemFailures()).as("acknowledged: parked, not left to cycle").isEmpty();
            assertThat(parked).hasSize(2).allSatisfy(p -> {
                assertThat(p.body()).contains("好的\uFFFD谢谢").doesNotContain("138 1234 5678");
                assertThat(p.attributes()).containsEntry("kefu.error.field", "messages[3].text");
            });
            System.out.printf("RELIABILITY hostile rawSurrogate parked=%d failedBatchItems=%d%n", parked.size(),
                    response.getBatchItemFailures().size());
        }
    }

    @Test
    void storedTextCannotDriveTheTerminalOrInjectIntoTheCsvReport(@TempDir Path dir) throws Exception {
        GoodMessages good = new GoodMessages("out");
        String[] channels = {"\r=1+1", "\t=HYPERLINK(\"http://evil\")", "@SUM(A1)", "-2+3", "+cmd|' /C calc'!A0", "tmall\r\nx,y"};
        try (Rig rig = Rig.fresh().build()) {
            ObjectNode hostile = (ObjectNode) Json.mapper().readTree(good.transcript(0));
            ((ObjectNode) hostile.withArray("messages").get(1))
                    .put("text", "您好\u001b[8m，以下内容被隐藏\u001b[0m\u202e反转\u009b31m\r覆盖");
            rig.send("TranscriptsQueue", hostile.toString());
            for (int i = 0; i < channels.length; i++) {
                int n = i;
                rig.send("TranscriptsQueue", edit(good.transcript(i + 1), t -> t.put("channel", channels[n])));
            }
            rig.drain();

            Path csv = dir.resolve("scores.csv");
            String show = qa(rig, "show", "out-T-0");
            String list = qa(rig, "list", "--since", "60d");
            String report = qa(rig, "report", "--since", "60d", "--teams", "tmall-flagship-cs,global-store-cs",
                    "--out", dir.resolve("r.html").toString(), "--csv", csv.toString());
            Path file = dir.resolve("chat\u001b[8m.json");
            Files.writeString(file, good.transcript(9));
            String send = kefuSend(rig, file);

            List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8).substring(1));
            java.util.regex.Matcher wrote = java.util.regex.Pattern.compile("scores\\.csv: (\\d+) rows").matcher(report);
            assertThat(wrote.find()).as(report).isTrue();
            int scores = Integer.parseInt(wrote.group(1));
            List<String> unsafeCells = rows.stream().flatMap(List::stream)
                    .filter(c -> !c.isEmpty() && ("=+-@\t\r".indexOf(c.charAt(0)) >= 0 || c.indexOf('\r') >= 0 || c.indexOf('\n') >= 0))
                    .toList();
            int controls = 0;
            for (String out : List.of(show, list, report, send)) {
                controls += (int) out.chars().filter(c -> c == 0x1b || c == 0x9b || c == 0x202e || c == '\r').count();
            }

            assertThat(show).contains("\\u001b[8m", "\\u202e");
            assertThat(controls).as("control characters reaching the terminal").isZero();
            assertThat(scores).isGreaterThanOrEqualTo(channels.length);
            assertThat(rows).as("header + one row per score").hasSize(1 + scores);
            assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(rows.get(0).size()));
            assertThat(unsafeCells).isEmpty();
            System.out.printf("RELIABILITY hostile output commands=4 controlCharsPrinted=%d csvRows=%d expectedRows=%d"
                    + " formulaCells=%d%n", controls, rows.size(), 1 + scores, unsafeCells.size());
        }
    }

    private static String qa(Rig rig, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new QaCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dynamodb-endpoint", rig.stack.dynamoDbEndpoint().toString(), "--sqs-endpoint",
                rig.stack.sqsEndpoint().toString(), "--region", rig.stack.region(), "--stage", rig.stack.stage(),
                "--now", Rig.START.toString()));
        int exit = cli.execute(all.toArray(String[]::new));
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    private static String kefuSend(Rig rig, Path file) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new io.kefu.local.cli.KefuCli()).execute("send", "TranscriptsQueue", file.toString(),
                    "--dynamodb-endpoint", rig.stack.dynamoDbEndpoint().toString(), "--sqs-endpoint",
                    rig.stack.sqsEndpoint().toString(), "--region", rig.stack.region(), "--stage", rig.stack.stage());
            assertThat(exit).isZero();
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String leakingChat(String id, List<String> agentParts) throws Exception {
        ObjectNode chat = (ObjectNode) Samples.json("transcripts/zh-pii-leaked.json");
        chat.put("transcriptId", id).put("customerId", id + "-C").remove("orderId");
        ArrayNode messages = chat.putArray("messages");
        messages.addObject().put("role", "customer").put("text", "我忘了我留的联系方式了").put("ts", "2026-11-11T10:00:00+08:00");
        int second = 2;
        for (String part : agentParts) {
            messages.addObject().put("role", "agent").put("agentId", "agent-030").put("text", part)
                    .put("ts", String.format("2026-11-11T10:00:%02d+08:00", second));
            second += 2;
        }
        messages.addObject().put("role", "customer").put("text", "好的谢谢").put("ts", "2026-11-11T10:00:40+08:00");
        return chat.toString();
    }

    private static Map<String, AttributeValue> scoreItem(Rig rig, String transcriptId) {
        String table = rig.stack.tableName("QaScoresTable");
        return rig.stack.dynamoDb().query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TRANSCRIPT#" + transcriptId)))).items()
                .stream().filter(ScoreItems::isScore).findFirst()
                .orElseThrow(() -> new AssertionError("no score for " + transcriptId));
    }

    private static Map<String, AttributeValue> surveyOf(Rig rig, String customerId) {
        String table = rig.stack.tableName("SurveysTable");
        return rig.stack.dynamoDb().scan(b -> b.tableName(table)).items().stream()
                .filter(i -> i.get("sk").s().equals("SURVEY") && customerId.equals(i.get("customerId").s()))
                .findFirst().orElseThrow();
    }

    private static String edit(String json, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(json);
            change.accept(node);
            // as a producer's JSON would carry them: "\ud800" as an escape (SQS refuses the raw character)
            return Json.mapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode lastLine(ObjectNode transcript) {
        ArrayNode messages = transcript.withArray("messages");
        return (ObjectNode) messages.get(messages.size() - 1);
    }

    private static int lines(String transcript) {
        try {
            return Json.mapper().readTree(transcript).get("messages").size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180 as a spreadsheet reads it: quotes group, and a CR or LF outside quotes ends the row. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            if (!cell.isEmpty() || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}

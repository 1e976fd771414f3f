package io.kefu.cli.qa;

import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.RepoRoot;
import io.kefu.shared.app.qa.ScoreRecord;
import io.kefu.shared.app.qa.ScoreTranscriptService;
import io.kefu.shared.effects.MessageMeta;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.ComplaintGrade;
import io.kefu.shared.domain.qa.ComplaintSeverity;
import io.kefu.shared.domain.qa.ComplaintType;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.Outcome;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.QaStatus;
import io.kefu.shared.domain.qa.ReviewReason;
import io.kefu.shared.domain.qa.Role;
import io.kefu.shared.domain.qa.RuleKind;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.domain.qa.RulebookLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A fresh stage on the embedded stack with the sample transcripts scored by the real ScoreTranscriptService
 * (events/transcripts, closed 2026-11-11 CST) and, on request, synthetic scores written through the real
 * repository for volume; plus a way to run `kefu qa ...` in-process against it.
 */
final class QaFixture {
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final List<String> SEED_TEAMS = List.of("seed-east", "seed-west");

    final LocalAwsStack stack = LocalAwsStack.isolated();
    final String table = stack.tableName("QaScoresTable");
    final DynamoQaScoreRepository repo = new DynamoQaScoreRepository(stack.dynamoDb(), table);
    final List<Seed> seeds = new ArrayList<>();

    /** One synthetic score: what the report should count. */
    record Seed(String id, String agent, String team, Instant closedAt, int score, QaStatus status,
            List<String> failed, ComplaintType complaint) {}

    record Run(int exit, String out, String err) {}

    QaFixture scoreSamples() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-11T03:00:00Z"), ZoneOffset.UTC);
        var service = new ScoreTranscriptService(new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook())), repo,
                f -> { }, s -> { }, clock, new EventLog("test", clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        try (Stream<Path> files = Files.list(RepoRoot.find().resolve("events/transcripts"))) {
            for (Path f : files.sorted().toList()) {
                service.handle(TranscriptMessage.CONTRACT.decode(Files.readString(f)), new MessageMeta("m-" + f.getFileName(), 1, "arn"));
            }
        }
        return this;
    }

    /**
     * 36 scores over 18 days (2026-11-02 .. 11-19 CST), four agents in two teams: scores 40..100,
     * NEEDS_REVIEW below 80 (greeting failed; closing too below 60), every sixth a logistics complaint,
     * every sixth (offset 1) a product-quality one.
     */
    QaFixture seedVolume() {
        for (int i = 0; i < 36; i++) {
            int agentNo = i % 4 + 1;
            String team = agentNo <= 2 ? "seed-east" : "seed-west";
            int score = 40 + (i * 7) % 61;
            List<String> failed = new ArrayList<>();
            if (score < 80) {
                failed.add("greeting");
            }
            if (score < 60) {
                failed.add("closing");
            }
            ComplaintType complaint = i % 6 == 0 ? ComplaintType.LOGISTICS : i % 6 == 1 ? ComplaintType.PRODUCT_QUALITY : ComplaintType.NONE;
            seed(new Seed(String.format("seed-%03d", i), "s-agent-" + agentNo, team,
                    Instant.parse("2026-11-01T18:00:00Z").plus(Duration.ofHours(12L * i)), score,
                    score < 80 ? QaStatus.NEEDS_REVIEW : QaStatus.PASS, failed, complaint));
        }
        return this;
    }

    void seed(Seed s) {
        List<Message> messages = List.of(
                new Message(0, Role.CUSTOMER, null, "快递到哪了", s.closedAt().minusSeconds(60)),
                new Message(1, Role.AGENT, s.agent(), "您好，帮您查一下", s.closedAt().minusSeconds(30)),
                new Message(2, Role.AGENT, s.agent(), "已经发出，祝您生活愉快", s.closedAt()));
        Transcript t = new Transcript(s.id(), "tmall", "shop-" + s.team(), s.team(), List.of(s.agent()), "cust-" + s.id(), null, "zh-CN", messages);
        List<Finding> findings = new ArrayList<>();
        for (String rule : List.of("greeting", "closing", "forbidden-phrases")) {
            boolean fail = s.failed().contains(rule);
            findings.add(new Finding(rule, rule.equals("greeting") ? RuleKind.OPENING_GREETING : rule.equals("closing") ? RuleKind.CLOSING : RuleKind.FORBIDDEN,
                    fail ? Outcome.FAIL : Outcome.PASS, false, 10, fail ? 0 : 10, rule.equals("closing") ? 2 : 1, null, rule + (fail ? " failed" : " ok")));
        }
        findings.add(new Finding("empathy", RuleKind.EMPATHY, Outcome.NOT_APPLICABLE, false, 10, 0, null, null, "not upset"));
        ComplaintGrade grade = s.complaint() == ComplaintType.NONE ? ComplaintGrade.none()
                : new ComplaintGrade(s.complaint(), ComplaintSeverity.LOW, List.of());
        QaScore score = new QaScore(s.id(), "default", 1, s.score(), s.status(), s.status() == QaStatus.NEEDS_REVIEW ? ReviewReason.LOW_SCORE : null,
                findings, grade, List.of());
        ScoreRecord record = new ScoreRecord(t, score, s.closedAt().plusSeconds(5), null);
        repo.writeRuleIndex(record, null);
        repo.putIfAbsent(record);
        seeds.add(s);
    }

    /** A survey-aggregate cell in the survey engineer's layout (DAY#d / KIND#k#TEAM#t#AGENT#a, ADD counters). */
    void surveyCell(String day, String kind, String team, String agent, int responses, int csatSum, int csat4or5) {
        stack.dynamoDb().putItem(b -> b.tableName(stack.tableName("SurveyAggregatesTable")).item(Map.of(
                "pk", AttributeValue.fromS("DAY#" + day),
                "sk", AttributeValue.fromS("KIND#" + kind + "#TEAM#" + team + "#AGENT#" + agent),
                "day", AttributeValue.fromS(day), "kind", AttributeValue.fromS(kind),
                "team", AttributeValue.fromS(team), "agent", AttributeValue.fromS(agent),
                "responses", AttributeValue.fromN(Integer.toString(responses)),
                "csatSum", AttributeValue.fromN(Integer.toString(csatSum)),
                "csat4or5", AttributeValue.fromN(Integer.toString(csat4or5)))));
    }

    /** `kefu qa <args>` in-process against this stage, with "now" pinned. */
    Run qa(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new QaCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dynamodb-endpoint", stack.dynamoDbEndpoint().toString(), "--sqs-endpoint", stack.sqsEndpoint().toString(),
                "--region", stack.region(), "--stage", stack.stage()));
        if (!all.contains("--now")) {
            all.addAll(List.of("--now", NOW.toString()));
        }
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    Map<String, AttributeValue> item(String transcriptId, String sk) {
        return stack.dynamoDb().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("TRANSCRIPT#" + transcriptId), "sk", AttributeValue.fromS(sk)))).item();
    }
}

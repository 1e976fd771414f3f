package io.kefu.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * QA scoring on events/transcripts: every sample chat goes to TranscriptsQueue, ScoreTranscriptFunction scores it
 * against the packaged rulebook; the score, follow-up tasks and survey requests are read back. A redelivered
 * transcript is scored again but stored once.
 */
public final class QaDemoSection implements DemoSection {

    @Override
    public String title() {
        return "QA scoring (质检): every closed chat scored against the rulebook";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        Map<String, Path> transcripts = new LinkedHashMap<>();
        for (Path file : demo.sampleEvents("transcripts")) {
            transcripts.put(DemoContext.json(DemoContext.read(file)).path("transcriptId").asText(), file);
            demo.send("TranscriptsQueue", file);
        }
        demo.runtime().drain();
        demo.line("  clock %s (%s); sent %d chats from events/transcripts to TranscriptsQueue", demo.now(), demo.nowLocal(),
                transcripts.size());
        demo.line("");
        demo.line("  %-29s %-10s %5s  %-12s %-40s %s", "sample", "agent", "score", "status", "failed rules (red lines first)",
                "complaint");
        for (Map.Entry<String, Path> t : transcripts.entrySet()) {
            List<Map<String, AttributeValue>> scores = scores(demo, t.getKey());
            String name = t.getValue().getFileName().toString().replace(".json", "");
            if (scores.isEmpty()) {
                demo.line("  %-29s (no score stored)", name);
                continue;
            }
            Map<String, AttributeValue> s = scores.get(scores.size() - 1);
            List<String> failed = failures(demo, t.getKey());
            String top = failed.isEmpty() ? "-" : String.join(", ", failed.subList(0, Math.min(3, failed.size())))
                    + (failed.size() > 3 ? " (+" + (failed.size() - 3) + ")" : "");
            String complaint = "NONE".equals(DemoContext.s(s, "complaintSeverity")) ? "-"
                    : DemoContext.s(s, "complaintType") + "/" + DemoContext.s(s, "complaintSeverity");
            demo.line("  %-29s %-10s %5s  %-12s %-40s %s", name, DemoContext.s(s, "agentId"), DemoContext.s(s, "score"),
                    DemoContext.s(s, "status"), top, complaint);
        }
        List<Map<String, AttributeValue>> all = scoreItems(demo);
        Map<String, Long> byStatus = all.stream().collect(Collectors.groupingBy(i -> DemoContext.s(i, "status"),
                java.util.TreeMap::new, Collectors.counting()));
        demo.line("");
        demo.line("  QaScoresTable: %d scores %s, %d rule-failure items (keyed RULE#<rule>)", all.size(), byStatus,
                demo.scan("QaScoresTable").stream().filter(i -> "QA_RULE_FAILURE".equals(DemoContext.s(i, "type"))).count());

        List<Message> followUps = demo.take("FollowUpsQueue");
        demo.line("  follow-up tasks on FollowUpsQueue: %d (%s)", followUps.size(), followUps.stream()
                .map(m -> DemoContext.json(m).path("kind").asText()).collect(Collectors.groupingBy(k -> k,
                        java.util.TreeMap::new, Collectors.counting())));
        for (Message m : followUps) {
            JsonNode f = DemoContext.json(m);
            demo.line("    %s %s due %s: %s", f.path("kind").asText(), f.path("followUpId").asText(),
                    f.path("dueBy").asText(), f.path("reason").asText());
        }
        long postChat = surveysFor(demo, transcripts.keySet()).size();
        demo.line("  post-chat survey requests (SurveyRequestsQueue -> ScheduleSurveyFunction -> SurveysTable): %d", postChat);

        String again = transcripts.keySet().stream().filter(id -> transcripts.get(id).toString().contains("zh-rude-agent"))
                .findFirst().orElse(transcripts.keySet().iterator().next());
        int calls = demo.runtime().stats("ScoreTranscriptFunction").messagesReceived();
        demo.send("TranscriptsQueue", transcripts.get(again));
        demo.runtime().drain();
        demo.line("  %s delivered again (%d more message handled) -> scores for it: %d, scores in total: %d,"
                        + " new follow-ups: %d, post-chat survey requests: %d", again,
                demo.runtime().stats("ScoreTranscriptFunction").messagesReceived() - calls, scores(demo, again).size(),
                scoreItems(demo).size(), demo.take("FollowUpsQueue").size(), surveysFor(demo, transcripts.keySet()).size());
    }

    static List<Map<String, AttributeValue>> scores(DemoContext demo, String transcriptId) {
        return demo.stack().dynamoDb().query(b -> b.tableName(demo.stack().tableName("QaScoresTable"))
                .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TRANSCRIPT#" + transcriptId),
                        ":sk", AttributeValue.fromS("SCORE#")))
                .consistentRead(true)).items();
    }

    /** The transcript's failed rules (from its score's findings), red-line rules (which fail the chat outright) first. */
    private static List<String> failures(DemoContext demo, String transcriptId) {
        return demo.stack().dynamoDb().query(b -> b.tableName(demo.stack().tableName("QaScoresTable"))
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TRANSCRIPT#" + transcriptId),
                                ":sk", AttributeValue.fromS("SCORE#")))
                        .consistentRead(true)).items().stream()
                .filter(i -> !i.containsKey("supersededBy"))
                .flatMap(i -> io.kefu.shared.aws.qa.ScoreItems.findings(i).stream())
                .filter(f -> f.outcome() == io.kefu.shared.domain.qa.Outcome.FAIL)
                .sorted(java.util.Comparator.comparing((io.kefu.shared.domain.qa.Finding f) -> !f.redLine()))
                .map(f -> f.ruleId() + (f.redLine() ? "!" : ""))
                .distinct().toList();
    }


    static List<Map<String, AttributeValue>> scoreItems(DemoContext demo) {
        return new ArrayList<>(demo.scan("QaScoresTable").stream().filter(i -> DemoContext.s(i, "sk").startsWith("SCORE#")).toList());
    }

    private static List<Map<String, AttributeValue>> surveysFor(DemoContext demo, java.util.Set<String> transcriptIds) {
        return demo.scan("SurveysTable").stream().filter(i -> DemoContext.s(i, "requestId") != null
                && transcriptIds.contains(DemoContext.s(i, "requestId").replaceFirst("^chat:", ""))).toList();
    }
}

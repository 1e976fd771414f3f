package io.kefu.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.shared.domain.survey.SurveyIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Follow-up surveys (回访): the requests the QA and care sections produced plus events/surveys/request-*.json are
 * scheduled; the every-minute dispatcher sends each once when due; an answer (with the token read from the sent
 * message's link) updates the CSAT aggregates and opens a follow-up case on a low score; a reused token is parked.
 */
public final class SurveyDemoSection implements DemoSection {
    static final String RUDE_CHAT = "chat-20261111-0003";   // events/transcripts/zh-rude-agent.json
    static final String GOOD_CHAT = "chat-20261111-0001";   // events/transcripts/zh-good-agent.json

    @Override
    public String title() {
        return "Follow-up surveys (回访): scheduled, sent once, answered, counted";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        int samples = 0;
        for (Path file : demo.sampleEvents("surveys")) {
            if (file.getFileName().toString().startsWith("request-")) {
                demo.send("SurveyRequestsQueue", file);
                samples++;
            }
        }
        demo.runtime().drain();
        List<Map<String, AttributeValue>> surveys = surveys(demo);
        demo.line("  clock %s (%s); %d requests from events/surveys added to those from QA and care", demo.now(),
                demo.nowLocal(), samples);
        demo.line("  SurveysTable: %d surveys; by kind and status: %s", surveys.size(), byKindAndStatus(surveys));
        int scheduled = (int) surveys.stream().filter(s -> "SCHEDULED".equals(DemoContext.s(s, "status"))).count();
        surveys.stream().filter(s -> "SUPERSEDED".equals(DemoContext.s(s, "status"))).forEach(s ->
                demo.line("    %s superseded by a higher-priority survey for the same customer (fatigue window)",
                        DemoContext.s(s, "requestId")));

        List<String> fired = demo.runtime().advanceClock(Duration.ofMinutes(30));
        demo.runtime().drain();
        List<Message> sent30m = CareDemoSection.notices(demo.take("OutboundMessagesQueue"), "SURVEY");
        demo.line("  clock +30 min -> %s, DispatchDueSurveys ran %s: surveys sent %d", demo.nowLocal(),
                fired.stream().filter(f -> f.startsWith("DispatchDueSurveys")).count() + "x", sent30m.size());
        sent30m.stream().filter(m -> DemoContext.json(m).path("referenceId").asText()
                .equals(SurveyIds.surveyId("chat:" + RUDE_CHAT))).findFirst().or(() -> sent30m.stream().findFirst())
                .ifPresent(m -> {
                    JsonNode n = DemoContext.json(m);
                    demo.line("    [%s %s %s] %s", n.path("kind").asText(), n.path("channel").asText(),
                            n.path("locale").asText(), n.path("body").asText());
                });

        demo.runtime().advanceClock(Duration.ofDays(3));
        demo.runtime().drain();
        List<Message> later = demo.take("OutboundMessagesQueue");
        demo.line("  clock +3 days -> %s: surveys sent %d (%s), reminders %d", demo.nowLocal(),
                CareDemoSection.notices(later, "SURVEY").size(),
                CareDemoSection.notices(later, "SURVEY").stream().map(m -> kindOf(demo, DemoContext.json(m)))
                        .collect(Collectors.joining(", ")),
                CareDemoSection.notices(later, "SURVEY_REMINDER").size());
        List<Message> allSurveys = CareDemoSection.notices(demo.taken("OutboundMessagesQueue"), "SURVEY");
        Map<String, Long> perSurvey = allSurveys.stream().collect(Collectors.groupingBy(
                m -> DemoContext.json(m).path("messageKey").asText(), Collectors.counting()));
        demo.line("  survey messages on OutboundMessagesQueue: %d for %d scheduled surveys; at most %d per survey;"
                        + " SurveysTable now %s", allSurveys.size(), scheduled,
                perSurvey.values().stream().mapToLong(Long::longValue).max().orElse(0), byStatus(surveys(demo)));

        String low = answer(demo, allSurveys, RUDE_CHAT, 1, 3);
        String high = answer(demo, allSurveys, GOOD_CHAT, 5, 10);
        demo.runtime().drain();
        demo.line("  answers with the tokens from the survey links: %s CSAT 1 (rude agent's chat), %s CSAT 5 (good agent's chat)",
                RUDE_CHAT, GOOD_CHAT);
        for (Map<String, AttributeValue> cell : demo.scan("SurveyAggregatesTable")) {
            int responses = Integer.parseInt(DemoContext.s(cell, "responses"));
            demo.line("    SurveyAggregatesTable %s %s: responses %d, CSAT %.1f, CSAT 4-5 %d%%, NPS detractors %s",
                    DemoContext.s(cell, "pk"), DemoContext.s(cell, "sk"), responses,
                    Double.parseDouble(DemoContext.s(cell, "csatSum")) / responses,
                    100 * Integer.parseInt(DemoContext.s(cell, "csat4or5")) / responses, DemoContext.s(cell, "detractors"));
        }
        List<Message> followUps = demo.take("FollowUpsQueue");
        demo.line("  follow-up (回访) cases on FollowUpsQueue: %d", followUps.size());
        for (Message m : followUps) {
            JsonNode f = DemoContext.json(m);
            demo.line("    %s %s: agent %s, team %s, csat %s, comment \"%s\"", f.path("kind").asText(), f.path("followUpId").asText(),
                    f.path("agentId").asText(), f.path("team").asText(), f.path("csat").asText(), f.path("comment").asText());
        }

        // The page sends the low answer again (identical: a no-op), then the customer tries to change it.
        demo.sendBody("SurveyResponsesQueue", low);
        demo.runtime().drain();
        int parkedAfterIdentical = demo.peekDlq("SurveyResponsesDlq").size();
        ObjectNode changed = (ObjectNode) DemoContext.json(low);
        changed.put("csat", 5);
        demo.sendBody("SurveyResponsesQueue", changed.toString());
        demo.runtime().drain();
        List<Message> rejected = demo.peekDlq("SurveyResponsesDlq");
        demo.line("  the low answer resent as is -> parked: %d; changed to csat 5 (same token) -> SurveyResponsesDlq: %d%s;"
                + " aggregate responses still %d, new follow-ups: %d", parkedAfterIdentical, rejected.size(),
                rejected.stream().findFirst().map(m -> ", "
                        + PoisonDemoSection.attr(m, "kefu.error.field") + ": " + PoisonDemoSection.attr(m, "kefu.error.reason"))
                .orElse(""), demo.scan("SurveyAggregatesTable").stream()
                .mapToInt(c -> Integer.parseInt(DemoContext.s(c, "responses"))).sum(), demo.take("FollowUpsQueue").size());
        if (high == null || low == null) {
            throw new IllegalStateException("no survey message found for " + RUDE_CHAT + " / " + GOOD_CHAT);
        }
    }

    /** Answers the survey of chat:{transcriptId} with the token from its outbound message; returns the body sent. */
    private static String answer(DemoContext demo, List<Message> sent, String transcriptId, int csat, int nps) {
        String surveyId = SurveyIds.surveyId("chat:" + transcriptId);
        Message m = sent.stream().filter(x -> surveyId.equals(DemoContext.json(x).path("referenceId").asText()))
                .findFirst().orElse(null);
        if (m == null) {
            return null;
        }
        String body = DemoContext.json(m).path("body").asText();
        String token = body.substring(body.lastIndexOf('/') + 1);
        ObjectNode answer = (ObjectNode) DemoContext.json(DemoContext.read(demo.sample("surveys", "response-template.json")));
        answer.put("token", token).put("csat", csat).put("nps", nps).put("answeredAt", demo.now().toString());
        if (csat > 2) {
            answer.put("comment", "客服很耐心，谢谢");
            answer.remove("topicRatings");
        }
        String json = answer.toString();
        demo.sendBody("SurveyResponsesQueue", json);
        return json;
    }

    private static String kindOf(DemoContext demo, JsonNode message) {
        return demo.item("SurveysTable", "SURVEY#" + message.path("referenceId").asText(), "SURVEY")
                .map(i -> DemoContext.s(i, "kind") + " " + DemoContext.s(i, "requestId")).orElse("?");
    }

    static List<Map<String, AttributeValue>> surveys(DemoContext demo) {
        return demo.scan("SurveysTable").stream().filter(i -> "SURVEY".equals(DemoContext.s(i, "sk"))).toList();
    }

    private static Map<String, Map<String, Long>> byKindAndStatus(List<Map<String, AttributeValue>> surveys) {
        return surveys.stream().collect(Collectors.groupingBy(s -> DemoContext.s(s, "kind"), TreeMap::new,
                Collectors.groupingBy(s -> DemoContext.s(s, "status"), TreeMap::new, Collectors.counting())));
    }

    private static Map<String, Long> byStatus(List<Map<String, AttributeValue>> surveys) {
        return surveys.stream().collect(Collectors.groupingBy(s -> DemoContext.s(s, "status"), TreeMap::new,
                Collectors.counting()));
    }
}

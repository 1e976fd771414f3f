package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.contract.ShipmentEventMessage;
import io.kefu.shared.contract.SurveyRequestContract;
import io.kefu.shared.contract.SurveyResponseMessage;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.tests.reliability.PoisonCatalogue.Poison;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Poison messages of every kind in the catalogue, mixed into batches of good ones on each input queue: every good
 * message is processed once, every bad one parked in the function's DLQ with the field and reason as attributes
 * and a log line naming the message id and field; nothing is lost.
 */
class PoisonMessagesTest {

    @Test
    void poisonTranscriptsAreParkedWithTheirFieldAndEveryGoodTranscriptIsProcessedOnce() {
        GoodMessages good = new GoodMessages("pz");
        run("TranscriptsQueue", TranscriptMessage.CONTRACT.maxBytes(), rig -> good.transcripts(30), good.transcript(0));
    }

    @Test
    void poisonShipmentEventsAreParkedWithTheirFieldAndEveryGoodEventIsProcessedOnce() {
        GoodMessages good = new GoodMessages("pz");
        run("ShipmentEventsQueue", ShipmentEventMessage.CONTRACT.maxBytes(), rig -> good.shipmentEvents(10),
                good.shipmentEvent(0));
    }

    @Test
    void poisonSurveyRequestsAreParkedWithTheirFieldAndEveryGoodRequestIsProcessedOnce() {
        GoodMessages good = new GoodMessages("pz");
        run("SurveyRequestsQueue", SurveyRequestContract.CONTRACT.maxBytes(), rig -> good.surveyRequests(30),
                good.surveyRequest(0));
    }

    @Test
    void poisonSurveyResponsesAreParkedWithTheirFieldAndEveryGoodAnswerIsProcessedOnce() {
        GoodMessages good = new GoodMessages("pz");
        run("SurveyResponsesQueue", SurveyResponseMessage.CONTRACT.maxBytes(), rig -> {
            rig.sendAll("SurveyRequestsQueue", good.surveyRequests(24));
            List<String> tokens = rig.sendDueSurveysAndCollectTokens();
            assertThat(tokens).hasSize(24);
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                answers.add(GoodMessages.surveyResponse(tokens.get(i), i));
            }
            return answers;
        }, GoodMessages.surveyResponse("Zm9yZ2VkLXRva2VuLTAwMQ", 0));
    }

    interface Input {
        List<String> goodMessages(Rig rig);
    }

    private void run(String queue, int maxBytes, Input input, String template) {
        String dlq = queue.replace("Queue", "Dlq");
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            List<String> goods = input.goodMessages(rig);
            rig.effects.collect(); // anything parked while preparing is not this test's
            int parkedBefore = rig.effects.messages(dlq).size();
            List<Poison> poisons = PoisonCatalogue.forQueue(queue, template, maxBytes);

            List<Object> mixed = new ArrayList<>(goods);
            mixed.addAll(poisons);
            Collections.shuffle(mixed, new Random(42));
            List<String> ids = rig.sendAll(queue, mixed.stream()
                    .map(m -> m instanceof Poison p ? p.body() : (String) m).toList());
            Map<String, Poison> poisonById = new LinkedHashMap<>();
            List<String> goodIds = new ArrayList<>();
            for (int i = 0; i < mixed.size(); i++) {
                if (mixed.get(i) instanceof Poison p) {
                    poisonById.put(ids.get(i), p);
                } else {
                    goodIds.add(ids.get(i));
                }
            }

            rig.drain();
            rig.effects.collect();

            Map<String, Long> processed = logs.events("message.processed").stream()
                    .map(e -> e.path("messageId").asText()).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            Map<String, JsonNode> parkedLogs = new HashMap<>();
            logs.events("message.parked").forEach(e -> parkedLogs.put(e.path("messageId").asText(), e));
            List<Effects.Sent> parked = rig.effects.messages(dlq);
            parked = parked.subList(parkedBefore, parked.size());
            Map<String, Effects.Sent> parkedById = new HashMap<>();
            parked.forEach(p -> parkedById.put(p.attributes().get("kefu.source.messageId"), p));

            long processedGood = goodIds.stream().filter(id -> processed.getOrDefault(id, 0L) == 1).count();
            long parkedBad = poisonById.keySet().stream().filter(parkedById::containsKey).count();
            long lost = ids.size() - processedGood - parkedBad;
            logs.console().printf("RELIABILITY poison queue=%s kinds=%d sent=%d good=%d bad=%d processed=%d parked=%d lost=%d%n",
                    queue, poisons.size(), ids.size(), goodIds.size(), poisonById.size(), processedGood, parkedBad, lost);

            List<String> problems = new ArrayList<>();
            for (String id : goodIds) {
                if (processed.getOrDefault(id, 0L) != 1) {
                    problems.add("good message " + id + " processed " + processed.getOrDefault(id, 0L) + " times"
                            + (parkedById.containsKey(id) ? ", parked: " + parkedById.get(id).attributes() : ""));
                }
            }
            poisonById.forEach((id, poison) -> {
                Effects.Sent sent = parkedById.get(id);
                JsonNode log = parkedLogs.get(id);
                if (sent == null) {
                    problems.add("NOT PARKED: " + poison.kind() + " (processed " + processed.getOrDefault(id, 0L) + "x)");
                } else if (!poison.field().equals(sent.attributes().get("kefu.error.field"))) {
                    problems.add(poison.kind() + ": parked with field " + sent.attributes().get("kefu.error.field")
                            + " (" + sent.attributes().get("kefu.error.reason") + "), expected " + poison.field());
                } else if (sent.attributes().getOrDefault("kefu.error.reason", "").isBlank()) {
                    problems.add(poison.kind() + ": parked without a reason");
                }
                if (sent != null && (log == null || !poison.field().equals(log.path("field").asText())
                        || log.path("reason").asText().isBlank())) {
                    problems.add(poison.kind() + ": no message.parked log line naming id " + id + " and field " + poison.field());
                }
            });
            assertThat(problems).as("queue " + queue).isEmpty();
            assertThat(lost).isZero();
            assertThat(poisons.stream().map(Poison::kind).distinct().count()).isGreaterThanOrEqualTo(8);
        }
    }
}

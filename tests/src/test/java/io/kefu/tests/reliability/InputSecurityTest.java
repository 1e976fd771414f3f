package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.shared.contract.ShipmentEventMessage;
import io.kefu.shared.contract.SurveyRequestContract;
import io.kefu.shared.contract.SurveyResponseMessage;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.Json;
import io.kefu.shared.json.JsonContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Input bounds and survey-token checks, on the stack: an oversize body is refused before it is parsed, and a
 * survey answer can only be given with the token from that customer's own link, once.
 */
class InputSecurityTest {
    private static final Map<String, JsonContract<?>> CONTRACTS = Map.of(
            "ShipmentEventsQueue", ShipmentEventMessage.CONTRACT,
            "SurveyRequestsQueue", SurveyRequestContract.CONTRACT,
            "SurveyResponsesQueue", SurveyResponseMessage.CONTRACT);

    @Test
    void oversizeBodiesAreParkedAsTooLargeWithoutBeingParsed() {
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            int sent = 0;
            for (var entry : CONTRACTS.entrySet()) {
                int max = entry.getValue().maxBytes();
                // Each would fail parsing differently if it were parsed: nesting depth, bad JSON, or be valid-looking.
                rig.send(entry.getKey(), "[".repeat(max + 1));
                rig.send(entry.getKey(), "{\"schemaVersion\":1,\"x\":\"" + "好".repeat(max / 3 + 1) + "\"}"); // chars < max, bytes > max
                rig.send(entry.getKey(), "{" + "x".repeat(200_000));
                sent += 3;
            }
            rig.drain();
            rig.effects.collect();
            int parked = 0;
            for (String queue : CONTRACTS.keySet()) {
                List<Effects.Sent> dlq = rig.effects.messages(queue.replace("Queue", "Dlq"));
                assertThat(dlq).hasSize(3).allSatisfy(m -> {
                    assertThat(m.attributes()).containsEntry("kefu.error.field", "$");
                    assertThat(m.attributes().get("kefu.error.reason"))
                            .isEqualTo("message is larger than " + CONTRACTS.get(queue).maxBytes() + " bytes");
                });
                parked += dlq.size();
            }
            assertThat(logs.events("message.processed")).isEmpty();
            logs.console().printf("RELIABILITY security oversize sent=%d parkedAsTooLarge=%d parsed=0%n", sent, parked);
        }
    }

    @Test
    void sizeIsCheckedBeforeParsingEvenForBodiesThatWouldBreakTheParser() {
        JsonContract<ShipmentEventMessage> contract = ShipmentEventMessage.CONTRACT;
        String nested = "[".repeat(contract.maxBytes() + 1);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            try {
                contract.decode(nested);
            } catch (InvalidMessageException e) {
                assertThat(e.reason()).startsWith("message is larger than");
            }
        }
        long micros = (System.nanoTime() - start) / 1000 / 1000;
        // Just under the bound the same shape is parsed (and refused for its nesting, not its size).
        String nestedUnder = "[".repeat(contract.maxBytes() - 10);
        try {
            contract.decode(nestedUnder);
        } catch (InvalidMessageException e) {
            assertThat(e.reason()).doesNotStartWith("message is larger than");
        }
        assertThat(micros).as("microseconds per rejected oversize body").isLessThan(500);
    }

    @Test
    void onlyTheTokenFromACustomersOwnLinkAnswersTheirSurveyAndOnlyOnce() throws Exception {
        GoodMessages good = new GoodMessages("sec");
        try (LogCapture logs = LogCapture.keeping(); Rig rig = Rig.fresh().build()) {
            rig.send("SurveyRequestsQueue", good.surveyRequest(0)); // customer sec-C-0
            rig.send("SurveyRequestsQueue", good.surveyRequest(3)); // customer sec-C-3, same kind
            List<String> tokens = rig.sendDueSurveysAndCollectTokens();
            assertThat(tokens).hasSize(2);
            String tokenA = tokens.get(0);
            String tokenB = tokens.get(1);

            // 1. guessed: a real token with one character changed; and a random well-formed one
            char last = tokenB.charAt(21);
            rig.send("SurveyResponsesQueue", GoodMessages.surveyResponse(
                    tokenB.substring(0, 21) + (last == 'A' ? 'B' : 'A'), 0));
            rig.send("SurveyResponsesQueue", GoodMessages.surveyResponse("Zm9yZ2VkLXRva2VuLTAwMQ", 0));
            // 2. A answers with A's token but claims to be B (identity fields in the body must be ignored)
            ObjectNode claimsB = (ObjectNode) Json.mapper().readTree(GoodMessages.surveyResponse(tokenA, 4));
            claimsB.put("customerId", "sec-C-3").put("surveyId", "svy_of_B").put("subjectId", "sec-S-3");
            rig.send("SurveyResponsesQueue", claimsB.toString());
            rig.drain();
            // 3. A's (now used) token replayed with another answer, again claiming B
            ObjectNode replay = (ObjectNode) Json.mapper().readTree(GoodMessages.surveyResponse(tokenA, 0));
            replay.put("customerId", "sec-C-3");
            rig.send("SurveyResponsesQueue", replay.toString());
            rig.drain();
            rig.effects.collect();

            List<Effects.Sent> parked = rig.effects.messages("SurveyResponsesDlq");
            assertThat(parked).extracting(m -> m.attributes().get("kefu.error.reason"))
                    .satisfiesExactlyInAnyOrder(
                            r -> assertThat(r).isEqualTo("unknown token"),
                            r -> assertThat(r).isEqualTo("unknown token"),
                            r -> assertThat(r).startsWith("token already used"));
            Map<String, AttributeValue> surveyA = survey(rig, "sec-C-0");
            Map<String, AttributeValue> surveyB = survey(rig, "sec-C-3");
            assertThat(surveyA.get("csat").n()).isEqualTo("5");
            assertThat(surveyB).doesNotContainKey("csat");
            assertThat(surveyB.get("status").s()).isIn("SENT", "REMINDED");

            // B's own token still works for B
            rig.send("SurveyResponsesQueue", GoodMessages.surveyResponse(tokenB, 2));
            rig.drain();
            assertThat(survey(rig, "sec-C-3").get("csat").n()).isEqualTo("3");

            // no raw token is stored anywhere in the table (only SHA-256 hashes)
            String table = rig.stack.tableName("SurveysTable");
            String dump = rig.stack.dynamoDb().scan(b -> b.tableName(table)).items().toString();
            assertThat(dump).doesNotContain(tokenA).doesNotContain(tokenB);
            logs.console().printf("RELIABILITY security tokens guessed=2 rejected=2 claimedOtherCustomer=1"
                    + " recordedOnOwnSurveyOnly=1 replayedForOtherCustomer=1 rejected=1 rawTokensStored=0%n");
        }
    }

    private static Map<String, AttributeValue> survey(Rig rig, String customerId) {
        String table = rig.stack.tableName("SurveysTable");
        return rig.stack.dynamoDb().scan(b -> b.tableName(table)).items().stream()
                .filter(i -> i.get("sk").s().equals("SURVEY") && customerId.equals(i.get("customerId").s()))
                .findFirst().orElseThrow();
    }
}

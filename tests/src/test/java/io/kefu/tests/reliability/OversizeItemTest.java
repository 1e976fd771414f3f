package io.kefu.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.capacity.ItemSize;
import io.kefu.shared.app.qa.ScoreTranscriptService;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.aws.qa.ScoreItems;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A transcript under the 200 KB body limit whose score item used to be over DynamoDB's 400 KB item limit (499 Chinese
 * promise sentences: findings, promises and evidence are UTF-8, 3 bytes a character). dynalite counts UTF-16 units
 * and took it; DynamoDB would not. Now the local stack counts DynamoDB's way, the item is sized before it is written
 * (and shrunk: one compressed detail, evidence capped when needed), and follow-ups are capped per transcript.
 */
class OversizeItemTest {
    private static final String FILLER = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";

    /** 499 agent lines, each a different 100-character Chinese sentence with a promise to come back in it. */
    static String transcript(String id) {
        Random random = new Random(499);
        List<Map<String, Object>> messages = new ArrayList<>();
        Instant at = Instant.parse("2026-11-28T02:00:00Z");
        messages.add(line("customer", null, "我的订单一直没发货，什么时候能发？", at));
        for (int i = 0; i < 499; i++) {
            StringBuilder text = new StringBuilder("核实后给您回复");
            while (text.length() < 100) {
                text.append(FILLER.charAt(random.nextInt(FILLER.length())));
            }
            messages.add(line("agent", "agent-499", text.toString(), at.plusSeconds(5 + i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", 1);
        body.put("transcriptId", id);
        body.put("channel", "tmall");
        body.put("shopId", "tmall-flagship");
        body.put("team", "tmall-flagship-cs");
        body.put("agentIds", List.of("agent-499"));
        body.put("customerId", "cust-499");
        body.put("locale", "zh-CN");
        body.put("messages", messages);
        return Json.write(body);
    }

    private static Map<String, Object> line(String role, String agentId, String text, Instant ts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        if (agentId != null) {
            m.put("agentId", agentId);
        }
        m.put("text", text);
        m.put("ts", ts.toString());
        return m;
    }

    @Test
    void aTranscriptUnderTheBodyLimitIsStoredWithinDynamoDbsItemLimitWithFollowUpsCapped() {
        try (Rig rig = Rig.fresh().build()) {
            String body = transcript("chat-499-promises");
            int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
            assertThat(bodyBytes).isLessThan(TranscriptMessage.MAX_BYTES);
            rig.send("TranscriptsQueue", body);
            rig.drain();
            rig.effects.collect();

            assertThat(rig.effects.messages("TranscriptsDlq")).isEmpty();
            var repository = new DynamoQaScoreRepository(rig.stack.dynamoDb(), rig.stack.tableName("QaScoresTable"));
            List<Map<String, AttributeValue>> items = repository.queryTranscript("chat-499-promises", "SCORE#");
            assertThat(items).hasSize(1);
            Map<String, AttributeValue> score = items.get(0);
            long size = ItemSize.of(score);
            assertThat(size).isLessThanOrEqualTo(ItemSize.MAX_ITEM_BYTES);
            // everything `qa show` and re-scoring read is still there
            assertThat(DynamoQaScoreRepository.transcriptOf(score)).hasSize(500);
            assertThat(ScoreItems.findings(score)).filteredOn(f -> f.ruleId().equals("promise")).hasSize(499);
            long followUps = rig.effects.messages("FollowUpsQueue").stream()
                    .filter(m -> m.body().contains("chat-499-promises")).count();
            assertThat(followUps).isEqualTo(ScoreTranscriptService.MAX_FOLLOW_UPS);

            // and the local stack no longer hides DynamoDB's limit: 470 KB in UTF-8 (157 K UTF-16 units) is refused
            Map<String, AttributeValue> oversize = Map.of("pk", AttributeValue.fromS("TRANSCRIPT#x"), "sk", AttributeValue.fromS("SCORE#x"),
                    "findings", AttributeValue.fromS("诺".repeat(156_900)));
            assertThat(ItemSize.of(oversize)).isGreaterThan(470_000);
            assertThatThrownBy(() -> rig.stack.dynamoDb().putItem(b -> b.tableName(rig.stack.tableName("QaScoresTable")).item(oversize)))
                    .isInstanceOf(DynamoDbException.class).hasMessageContaining("Item size has exceeded the maximum allowed size");
            System.out.printf("RELIABILITY oversize body=%d bytes scoreItem=%d bytes (DynamoDB's rules; limit %d) findings=499 followUps=%d/499 emulatorRefuses470KB=true%n",
                    bodyBytes, size, ItemSize.MAX_ITEM_BYTES, followUps);
        }
    }
}

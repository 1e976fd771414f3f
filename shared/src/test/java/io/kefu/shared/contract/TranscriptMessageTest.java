package io.kefu.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.shared.domain.qa.Role;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.Json;
import io.kefu.shared.testing.EventFixtures;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscriptMessageTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh-good-agent", "en-good-agent", "zh-rude-agent", "en-slow-agent", "zh-angry-customer-soothed",
            "zh-promise-made", "en-promise-made", "zh-pii-leaked", "zh-transfer", "en-transfer-repeat"})
    void everySampleTranscriptDecodes(String name) {
        var message = TranscriptMessage.CONTRACT.decode(EventFixtures.transcript(name));
        var transcript = message.toTranscript();
        assertThat(transcript.messages()).isNotEmpty();
        assertThat(transcript.messages().get(0).index()).isZero();
    }

    @Test
    void decodesIntoTheDomainTranscriptWithDefaults() {
        String body = mutate(json -> {
            json.remove("locale");
            json.remove("team");
        });
        var transcript = TranscriptMessage.CONTRACT.decode(body).toTranscript();
        assertThat(transcript.locale()).isEqualTo("zh-CN");
        assertThat(transcript.team()).isEqualTo("tmall-flagship");
        assertThat(transcript.messages().get(1).role()).isEqualTo(Role.BOT);
        assertThat(transcript.messages().get(2).agentId()).isEqualTo("agent-007");
    }

    @Test
    void missingTranscriptIdIsNamed() {
        expectInvalid(json -> json.remove("transcriptId"), "transcriptId", "required");
    }

    @Test
    void missingCustomerIdNamesFieldAndTranscript() {
        expectInvalid(json -> json.remove("customerId"), "customerId", "required (transcript chat-20261111-0001)");
    }

    @Test
    void emptyAgentIdsAreRejected() {
        expectInvalid(json -> json.putArray("agentIds"), "agentIds", "at least one");
    }

    @Test
    void emptyMessagesAreRejected() {
        expectInvalid(json -> json.putArray("messages"), "messages", "at least one message");
    }

    @Test
    void outOfOrderMessagesNameBothIndexes() {
        expectInvalid(json -> line(json, 3).put("ts", "2026-11-11T09:00:00+08:00"),
                "messages[3].ts", "is before messages[2].ts");
    }

    @Test
    void unknownRoleIsNamed() {
        expectInvalid(json -> line(json, 2).put("role", "supervisor"), "messages[2].role", "unknown role 'supervisor'");
    }

    @Test
    void wrongTypeIsNamedWithItsPath() {
        expectInvalid(json -> line(json, 1).putArray("text"), "messages[1].text", "wrong type");
    }

    @Test
    void numberWhereAnIdStringIsExpectedIsRejected() {
        expectInvalid(json -> json.put("transcriptId", 12345), "transcriptId", "wrong type");
        expectInvalid(json -> line(json, 0).put("ts", 1731290400), "messages[0].ts", "wrong type");
    }

    @Test
    void timestampWithoutOffsetIsRejected() {
        expectInvalid(json -> line(json, 0).put("ts", "2026-11-11 10:00:00"), "messages[0].ts", "ISO-8601");
    }

    @Test
    void agentNotListedInAgentIdsIsRejected() {
        expectInvalid(json -> line(json, 2).put("agentId", "agent-999"), "messages[2].agentId", "not in agentIds");
    }

    @Test
    void unsupportedLocaleIsRejected() {
        expectInvalid(json -> json.put("locale", "fr"), "locale", "unsupported 'fr'");
    }

    @Test
    void tooManyMessagesAreRejected() {
        expectInvalid(json -> {
            ArrayNode messages = (ArrayNode) json.get("messages");
            ObjectNode last = (ObjectNode) messages.get(messages.size() - 1);
            while (messages.size() <= TranscriptMessage.MAX_MESSAGES) {
                messages.add(last.deepCopy());
            }
        }, "messages", "at most 500");
    }

    @Test
    void overlongMessageTextIsRejected() {
        expectInvalid(json -> line(json, 0).put("text", "啊".repeat(TranscriptMessage.MAX_TEXT_CHARS + 1)),
                "messages[0].text", "at most 4000");
    }

    @Test
    void oversizeBodyIsRejectedBeforeParsing() {
        String huge = "{\"schemaVersion\":1,\"pad\":\"" + "x".repeat(TranscriptMessage.MAX_BYTES) + "\"}";
        assertThatThrownBy(() -> TranscriptMessage.CONTRACT.decode(huge))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.reason()).contains("larger than"));
    }

    @Test
    void unsupportedSchemaVersionIsRejected() {
        expectInvalid(json -> json.put("schemaVersion", 2), "schemaVersion", "unsupported version 2");
    }

    private static ObjectNode line(ObjectNode json, int index) {
        return (ObjectNode) json.get("messages").get(index);
    }

    private static String mutate(Consumer<ObjectNode> change) {
        try {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(EventFixtures.transcript("zh-good-agent"));
            change.accept(json);
            return Json.write(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expectInvalid(Consumer<ObjectNode> change, String field, String reasonPart) {
        String body = mutate(change);
        assertThatThrownBy(() -> TranscriptMessage.CONTRACT.decode(body))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reasonPart);
                });
    }
}

package io.kefu.shared.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A message body with its personal data redacted, for a copy that is kept (a parked message in a DLQ is kept
 * for 14 days). JSON keeps its shape so an operator can read and replay it: ids ({@code ...Id}, {@code ...Ids},
 * {@code token}), numbers and booleans stay; every other string goes through {@link PiiRedactor}, and an array
 * of chat lines ({@code text} with a {@code role}) is read as one chat, so a number split over a speaker's
 * messages goes too. A body that is not JSON (or too deep to walk) is redacted as plain text.
 */
public final class RedactedCopy {
    // Lenient on purpose (duplicate keys, odd input): the body is already known to be bad.
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private RedactedCopy() {}

    public static String of(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        try {
            JsonNode tree = LENIENT.readTree(body);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                return LENIENT.writeValueAsString(redact(tree, null));
            }
        } catch (Exception | StackOverflowError notJson) {
            // fall through: plain text
        }
        return PiiRedactor.redact(body);
    }

    private static JsonNode redact(JsonNode node, String key) {
        if (node.isTextual()) {
            return keeps(key) ? node : TextNode.valueOf(PiiRedactor.redact(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode out = LENIENT.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.set(field.getKey(), redact(field.getValue(), field.getKey()));
            }
            return out;
        }
        if (node.isArray()) {
            return isChat(node) ? redactChat((ArrayNode) node) : redactEach((ArrayNode) node, key);
        }
        return node;
    }

    private static JsonNode redactEach(ArrayNode array, String key) {
        ArrayNode out = LENIENT.createArrayNode();
        array.forEach(element -> out.add(redact(element, key)));
        return out;
    }

    private static JsonNode redactChat(ArrayNode lines) {
        List<ChatLine> chat = new ArrayList<>();
        lines.forEach(line -> chat.add(new ChatLine(line.path("role").asText(""), line.get("text").textValue())));
        List<String> texts = PiiRedactor.redactChat(chat);
        ArrayNode out = LENIENT.createArrayNode();
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = (ObjectNode) redact(lines.get(i), null);
            line.put("text", texts.get(i));
            out.add(line);
        }
        return out;
    }

    private static boolean isChat(JsonNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode line : array) {
            if (!line.isObject() || !line.path("text").isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Ids and the survey token identify the message for a replay; contracts restrict them to an id alphabet. */
    private static boolean keeps(String key) {
        return key != null && (key.endsWith("Id") || key.endsWith("Ids") || key.equals("token")
                || key.equals("schemaVersion") || key.equals("role") || key.equals("ts"));
    }
}

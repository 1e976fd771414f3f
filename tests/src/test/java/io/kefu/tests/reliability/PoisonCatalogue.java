package io.kefu.tests.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Bad messages per input queue, each derived from a good one: the kinds of poison a producer bug or an attacker
 * can put on a queue. {@code field} is what the DLQ's {@code kefu.error.field} must name ("$" = the whole body).
 */
final class PoisonCatalogue {
    record Poison(String kind, String body, String field) {}

    private PoisonCatalogue() {}

    static List<Poison> forQueue(String queue, String good, int maxBytes) {
        List<Poison> all = new ArrayList<>(common(good, maxBytes));
        switch (queue) {
            case "ShipmentEventsQueue" -> {
                all.add(edit("wrong type: sequence as text", good, "sequence", n -> n.put("sequence", "three")));
                all.add(edit("wrong type: orderId as number", good, "orderId", n -> n.put("orderId", 90017)));
                all.add(edit("wrong type: eventTime as epoch number", good, "eventTime", n -> n.put("eventTime", 1764300000)));
                all.add(edit("missing id: orderId", good, "orderId", n -> n.remove("orderId")));
                all.add(edit("missing id: customerId", good, "customerId", n -> n.remove("customerId")));
                all.add(edit("unknown enum: status", good, "status", n -> n.put("status", "TELEPORTED")));
                all.add(edit("unknown enum: exceptionCode", good, "exceptionCode",
                        n -> n.put("status", "EXCEPTION").put("exceptionCode", "ALIENS")));
                all.add(edit("out-of-range time: 1970", good, "eventTime", n -> n.put("eventTime", "1970-01-01T00:00:00Z")));
                all.add(edit("out-of-range time: 2999", good, "eventTime", n -> n.put("eventTime", "2999-01-01T00:00:00Z")));
                all.add(edit("out-of-range time: carrierEta 2999", good, "carrierEta",
                        n -> n.put("carrierEta", "2999-12-31T00:00:00Z")));
                all.add(edit("key injection: '#' in orderId", good, "orderId", n -> n.put("orderId", "O-1#SHIPMENT")));
                all.add(edit("negative amount", good, "orderValueCents", n -> n.put("orderValueCents", -1)));
            }
            case "SurveyRequestsQueue" -> {
                all.add(edit("wrong type: customerId as number", good, "customerId", n -> n.put("customerId", 1001)));
                all.add(edit("wrong type: occurredAt as object", good, "occurredAt", n -> n.putObject("occurredAt")));
                all.add(edit("missing id: requestId", good, "requestId", n -> n.remove("requestId")));
                all.add(edit("missing id: customerId", good, "customerId", n -> n.remove("customerId")));
                all.add(edit("unknown enum: kind", good, "kind", n -> n.put("kind", "POST_PURCHASE")));
                all.add(edit("unknown enum: channel", good, "channel", n -> n.put("channel", "CARRIER_PIGEON")));
                all.add(edit("out-of-range time: 1970", good, "occurredAt", n -> n.put("occurredAt", "1970-01-01T00:00:00Z")));
                all.add(edit("out-of-range time: 2999", good, "occurredAt", n -> n.put("occurredAt", "2999-01-01T00:00:00Z")));
                all.add(edit("key injection: '#' in subjectId", good, "subjectId", n -> n.put("subjectId", "x#SURVEY")));
            }
            case "SurveyResponsesQueue" -> {
                all.add(edit("wrong type: csat as text", good, "csat", n -> n.put("csat", "five")));
                all.add(edit("wrong type: token as number", good, "token", n -> n.put("token", 1234567890)));
                all.add(edit("missing id: token", good, "token", n -> n.remove("token")));
                all.add(edit("malformed token", good, "token", n -> n.put("token", "../../etc/passwd")));
                all.add(edit("unknown token (well-formed, guessed)", good, "token", n -> n.put("token", "AAAAAAAAAAAAAAAAAAAAAA")));
                all.add(edit("out-of-range score: csat 9", good, "csat", n -> n.put("csat", 9)));
                all.add(edit("unknown enum: topic", good, "topicRatings.WEATHER", n -> n.putObject("topicRatings").put("WEATHER", 3)));
                all.add(edit("out-of-range time: 1970", good, "answeredAt", n -> n.put("answeredAt", "1970-01-01T00:00:00Z")));
                all.add(edit("out-of-range time: 2999", good, "answeredAt", n -> n.put("answeredAt", "2999-01-01T00:00:00Z")));
            }
            case "TranscriptsQueue" -> {
                all.add(edit("wrong type: transcriptId as number", good, "transcriptId", n -> n.put("transcriptId", 20261111)));
                all.add(edit("wrong type: agentIds as text", good, "agentIds", n -> n.put("agentIds", "agent-007")));
                all.add(edit("wrong type: messages as object", good, "messages", n -> n.putObject("messages")));
                all.add(edit("missing id: transcriptId", good, "transcriptId", n -> n.remove("transcriptId")));
                all.add(edit("missing id: customerId", good, "customerId", n -> n.remove("customerId")));
                all.add(edit("unknown enum: role", good, "messages[0].role",
                        n -> ((ObjectNode) n.withArray("messages").get(0)).put("role", "robot")));
                all.add(edit("unknown enum: locale", good, "locale", n -> n.put("locale", "fr-FR")));
                all.add(edit("out-of-range time: 1970", good, "messages[0].ts",
                        n -> ((ObjectNode) n.withArray("messages").get(0)).put("ts", "1970-01-01T00:00:00+08:00")));
                all.add(edit("out-of-range time: 2999", good, "messages[" + (lastIndex(good)) + "].ts",
                        n -> ((ObjectNode) n.withArray("messages").get(lastIndex(good))).put("ts", "2999-01-01T00:00:00+08:00")));
                all.add(edit("key injection: '#' in transcriptId", good, "transcriptId", n -> n.put("transcriptId", "t#SCORE")));
            }
            default -> throw new IllegalArgumentException("no catalogue for " + queue);
        }
        return all;
    }

    /** Kinds that apply to every JSON contract. */
    private static List<Poison> common(String good, int maxBytes) {
        List<Poison> all = new ArrayList<>();
        all.add(new Poison("invalid JSON: truncated", good.substring(0, good.length() / 2), "$"));
        all.add(new Poison("invalid JSON: not an object", "[1,2,3]", "$"));
        all.add(new Poison("invalid JSON: plain text", "hello, is this the order system?", "$"));
        all.add(new Poison("binary garbage", garbage(512, 7), "$"));
        all.add(edit("unknown contract version 2", good, "schemaVersion", n -> n.put("schemaVersion", 2)));
        all.add(edit("contract version as text", good, "schemaVersion", n -> n.put("schemaVersion", "1")));
        all.add(edit("missing contract version", good, "schemaVersion", n -> n.remove("schemaVersion")));
        all.add(new Poison("oversize (padding field)", oversize(good, maxBytes), "$"));
        all.add(new Poison("oversize and not JSON (must be rejected unparsed)", "{" + "x".repeat(maxBytes + 10), "$"));
        return all;
    }

    private static int lastIndex(String transcript) {
        try {
            return Json.mapper().readTree(transcript).get("messages").size() - 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Poison edit(String kind, String good, String field, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(good);
            change.accept(node);
            return new Poison(kind, node.toString(), field);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String oversize(String good, int maxBytes) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(good);
            node.put("padding", "p".repeat(maxBytes));
            return node.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Random bytes as text (Latin-1), minus the characters SQS refuses in a body (below 0x20 but tab/CR/LF).
     */
    static String garbage(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        out.append((char) 0xFF).append((char) 0xFE); // a BOM-like start: never JSON
        while (out.length() < length) {
            int b = random.nextInt(256);
            if (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') {
                out.append((char) b);
            }
        }
        return out.toString();
    }
}

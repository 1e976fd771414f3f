package io.kefu.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's JSON wire form of items ({"S": ...}, {"N": ...}, {"B": base64}, ...) as SDK attribute values. */
final class WireItems {
    private WireItems() {}

    static Map<String, AttributeValue> item(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    static AttributeValue value(JsonNode v) {
        if (v.has("S")) {
            return AttributeValue.fromS(v.get("S").asText());
        }
        if (v.has("N")) {
            return AttributeValue.fromN(v.get("N").asText());
        }
        if (v.has("B")) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.get("B").asText())));
        }
        if (v.has("BOOL")) {
            return AttributeValue.fromBool(v.get("BOOL").asBoolean());
        }
        if (v.has("NULL")) {
            return AttributeValue.fromNul(true);
        }
        if (v.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            v.get("L").forEach(e -> list.add(value(e)));
            return AttributeValue.fromL(list);
        }
        if (v.has("M")) {
            return AttributeValue.fromM(item(v.get("M")));
        }
        if (v.has("SS")) {
            return AttributeValue.fromSs(texts(v.get("SS")));
        }
        if (v.has("NS")) {
            return AttributeValue.fromNs(texts(v.get("NS")));
        }
        if (v.has("BS")) {
            List<SdkBytes> bytes = new ArrayList<>();
            v.get("BS").forEach(e -> bytes.add(SdkBytes.fromByteArray(Base64.getDecoder().decode(e.asText()))));
            return AttributeValue.fromBs(bytes);
        }
        throw new IllegalArgumentException("not a DynamoDB attribute value: " + v);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}

package io.kefu.tests.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.local.stack.CfnTemplate;
import io.kefu.local.stack.Intrinsic;
import io.kefu.local.stack.RepoRoot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * infra-template.yaml as the JSON document CloudFormation sees: short-form intrinsics ({@code !Ref},
 * {@code !GetAtt A.B}, {@code !Sub}, {@code !If}, ...) in their long form ({@code {"Ref": ..}},
 * {@code {"Fn::GetAtt": ["A", "B"]}}, ...), which is what AWS's schema and specification describe. Checks take
 * this document so a test can hand them a mutated copy ({@link #mutated}).
 */
public final class TemplateJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TemplateJson() {}

    private static ObjectNode parsed;

    /** A fresh copy of the template (parsed once per JVM). */
    public static synchronized ObjectNode load() {
        if (parsed == null) {
            parsed = (ObjectNode) toJson(CfnTemplate.load(RepoRoot.template()).raw());
        }
        return parsed.deepCopy();
    }

    /** A deep copy of the template with {@code change} applied: the weakness a check must catch put back. */
    public static ObjectNode mutated(Consumer<ObjectNode> change) {
        ObjectNode copy = load();
        change.accept(copy);
        return copy;
    }

    public static ObjectNode resource(JsonNode template, String logicalId) {
        JsonNode node = template.path("Resources").path(logicalId);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no resource " + logicalId);
        }
        return object;
    }

    public static ObjectNode properties(JsonNode template, String logicalId) {
        return (ObjectNode) resource(template, logicalId).path("Properties");
    }

    /** Logical id -> resource, for every resource of {@code type}, in template order. */
    public static Map<String, JsonNode> resourcesOfType(JsonNode template, String type) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** The statements of a policy document, with {@code Fn::If} statements expanded to both branches. */
    public static List<JsonNode> statements(JsonNode document) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode statement : asArray(document.path("Statement"))) {
            out.addAll(branches(statement));
        }
        return out;
    }

    /** The values {@code value} can take: both branches of an {@code Fn::If} (recursively, without NoValue). */
    public static List<JsonNode> branches(JsonNode value) {
        JsonNode condition = value.path("Fn::If");
        if (!condition.isArray() || condition.size() != 3) {
            return List.of(value);
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode branch : List.of(condition.get(1), condition.get(2))) {
            if (!isNoValue(branch)) {
                out.addAll(branches(branch));
            }
        }
        return out;
    }

    public static boolean isNoValue(JsonNode value) {
        return "AWS::NoValue".equals(value.path("Ref").asText(null));
    }

    public static List<JsonNode> asArray(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    public static JsonNode toJson(Object value) {
        if (value instanceof Intrinsic.Ref r) {
            return MAPPER.createObjectNode().put("Ref", r.name());
        }
        if (value instanceof Intrinsic.GetAtt g) {
            ObjectNode node = MAPPER.createObjectNode();
            node.putArray("Fn::GetAtt").add(g.resource()).add(g.attribute());
            return node;
        }
        if (value instanceof Intrinsic.Sub s) {
            ObjectNode node = MAPPER.createObjectNode();
            if (s.variables().isEmpty()) {
                node.put("Fn::Sub", s.text());
            } else {
                node.putArray("Fn::Sub").add(s.text()).add(toJson(s.variables()));
            }
            return node;
        }
        if (value instanceof Intrinsic.Other o) {
            ObjectNode node = MAPPER.createObjectNode();
            node.set(o.function().equals("Condition") ? "Condition" : "Fn::" + o.function(), toJson(o.argument()));
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = MAPPER.createObjectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode node = MAPPER.createArrayNode();
            list.forEach(v -> node.add(toJson(v)));
            return node;
        }
        return MAPPER.valueToTree(value);
    }

    /** Every {@code Fn::GetAtt} in a JSON value, as [resource, attribute]. */
    public static List<String[]> getAtts(JsonNode value) {
        List<String[]> out = new ArrayList<>();
        collectGetAtts(value, out);
        return out;
    }

    private static void collectGetAtts(JsonNode value, List<String[]> out) {
        if (value.isObject()) {
            JsonNode getAtt = value.get("Fn::GetAtt");
            if (getAtt != null && value.size() == 1) {
                if (getAtt.isArray() && getAtt.size() == 2) {
                    out.add(new String[] {getAtt.get(0).asText(), getAtt.get(1).asText()});
                } else if (getAtt.isTextual() && getAtt.asText().contains(".")) {
                    String text = getAtt.asText();
                    out.add(new String[] {text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1)});
                }
            }
            JsonNode sub = value.get("Fn::Sub");
            if (sub != null && value.size() == 1) {
                String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
                var m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.([A-Za-z0-9.]+)}").matcher(text);
                while (m.find()) {
                    out.add(new String[] {m.group(1), m.group(2)});
                }
            }
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                collectGetAtts(it.next(), out);
            }
        } else if (value.isArray()) {
            value.forEach(v -> collectGetAtts(v, out));
        }
    }
}

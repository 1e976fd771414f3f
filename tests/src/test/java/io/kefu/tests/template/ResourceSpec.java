package io.kefu.tests.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CloudFormation resource specification (vendored subset, tests/src/test/resources/aws-specs/): checks
 * every resource that is not {@code AWS::Serverless::*} (those are the SAM schema's) for unknown properties,
 * missing required ones, values of the wrong shape, and {@code Fn::GetAtt}s that name no attribute.
 */
public final class ResourceSpec {
    private final JsonNode spec;

    private ResourceSpec(JsonNode spec) {
        this.spec = spec;
    }

    public static ResourceSpec vendored() {
        try (InputStream in = ResourceSpec.class.getResourceAsStream("/aws-specs/resource-spec.json")) {
            return new ResourceSpec(TemplateJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean knows(String type) {
        return spec.path("resources").has(type);
    }

    /** Problems in a (long-form) template or SAM's generated CloudFormation; empty when it matches the spec. */
    public List<String> problems(JsonNode template) {
        List<String> problems = new ArrayList<>();
        JsonNode resources = template.path("Resources");
        resources.fields().forEachRemaining(e -> {
            String id = e.getKey();
            String type = e.getValue().path("Type").asText();
            if (type.startsWith("AWS::Serverless::")) {
                return;
            }
            JsonNode declared = spec.path("resources").path(type);
            if (declared.isMissingNode()) {
                problems.add(id + ": resource type " + type + " is not in the vendored spec (add it to tools/aws-specs/extract.py)");
                return;
            }
            checkObject(id + ".Properties", e.getValue().path("Properties"), declared.path("properties"), problems);
        });
        problems.addAll(references(template));
        for (String[] getAtt : TemplateJson.getAtts(template)) {
            JsonNode target = resources.path(getAtt[0]);
            if (target.isMissingNode()) {
                if (!template.path("Parameters").has(getAtt[0])) {
                    problems.add("GetAtt " + getAtt[0] + "." + getAtt[1] + ": no resource " + getAtt[0]);
                }
                continue;
            }
            String type = target.path("Type").asText();
            if (type.startsWith("AWS::Serverless::") || !knows(type)) {
                continue; // SAM resources' attributes come from what they generate (SamTranslateTest)
            }
            boolean exists = false;
            for (JsonNode attribute : spec.path("resources").path(type).path("attributes")) {
                exists |= attribute.asText().equals(getAtt[1]);
            }
            if (!exists) {
                problems.add("GetAtt " + getAtt[0] + "." + getAtt[1] + ": " + type + " has no attribute " + getAtt[1]);
            }
        }
        return problems;
    }

    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "UpdatePolicy", "CreationPolicy");
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NoValue", "AWS::Partition", "AWS::Region",
            "AWS::StackId", "AWS::StackName", "AWS::URLSuffix", "AWS::NotificationARNs");

    /**
     * Every Ref and Fn::Sub variable names a parameter, a resource or a pseudo parameter; every condition a
     * resource, Fn::If or !Condition uses is declared; resources have only CloudFormation's own keys.
     */
    static List<String> references(JsonNode template) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>(PSEUDO);
        template.path("Parameters").fieldNames().forEachRemaining(names::add);
        template.path("Resources").fieldNames().forEachRemaining(names::add);
        JsonNode conditions = template.path("Conditions");
        template.path("Resources").fields().forEachRemaining(e -> {
            e.getValue().fieldNames().forEachRemaining(key -> {
                if (!RESOURCE_KEYS.contains(key)) {
                    problems.add(e.getKey() + "." + key + ": not a resource attribute");
                }
            });
            JsonNode condition = e.getValue().path("Condition");
            if (!condition.isMissingNode() && !conditions.has(condition.asText())) {
                problems.add(e.getKey() + ": Condition " + condition.asText() + " is not declared");
            }
        });
        walk(template, node -> {
            if (node.size() != 1) {
                return;
            }
            if (node.path("Ref").isTextual() && !names.contains(node.path("Ref").asText())) {
                problems.add("Ref " + node.path("Ref").asText() + ": no such parameter or resource");
            }
            if (node.has("Fn::Sub")) {
                JsonNode sub = node.get("Fn::Sub");
                String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
                var m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9:]+)}").matcher(text);
                while (m.find()) {
                    boolean local = sub.isArray() && sub.path(1).has(m.group(1));
                    if (!local && !names.contains(m.group(1))) {
                        problems.add("Sub ${" + m.group(1) + "}: no such parameter or resource");
                    }
                }
            }
            String condition = node.has("Fn::If") ? node.path("Fn::If").path(0).asText()
                    : node.path("Condition").isTextual() ? node.path("Condition").asText() : null;
            if (condition != null && !conditions.has(condition)) {
                problems.add("condition " + condition + " is not declared");
            }
        });
        return problems;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(node);
        }
        node.elements().forEachRemaining(child -> walk(child, visit));
    }

    private void checkObject(String path, JsonNode value, JsonNode properties, List<String> problems) {
        if (isIntrinsic(value)) {
            return;
        }
        if (!value.isObject() && !value.isMissingNode()) {
            problems.add(path + ": expected an object, got " + value);
            return;
        }
        value.fields().forEachRemaining(e -> {
            if (!properties.has(e.getKey())) {
                problems.add(path + "." + e.getKey() + ": unknown property");
            }
        });
        properties.fields().forEachRemaining(e -> {
            JsonNode given = value.path(e.getKey());
            if (e.getValue().path("required").asBoolean() && given.isMissingNode()) {
                problems.add(path + "." + e.getKey() + ": required property missing");
            }
            if (!given.isMissingNode()) {
                checkValue(path + "." + e.getKey(), given, e.getValue().path("type"), problems);
            }
        });
    }

    private void checkValue(String path, JsonNode value, JsonNode type, List<String> problems) {
        for (JsonNode branch : TemplateJson.branches(value)) {
            if (isIntrinsic(branch)) {
                continue;
            }
            String kind = type.path("type").asText();
            switch (kind) {
                case "ref" -> {
                    JsonNode definition = spec.path("types").path(type.path("ref").asText());
                    checkObject(path, branch, definition.path("properties"), problems);
                }
                case "array" -> {
                    if (!branch.isArray()) {
                        problems.add(path + ": expected a list, got " + branch);
                    } else {
                        int i = 0;
                        for (JsonNode element : branch) {
                            checkValue(path + "[" + i++ + "]", element, type.path("element"), problems);
                        }
                    }
                }
                case "map" -> {
                    if (!branch.isObject()) {
                        problems.add(path + ": expected a map, got " + branch);
                    } else {
                        branch.fields().forEachRemaining(e ->
                                checkValue(path + "." + e.getKey(), e.getValue(), type.path("element"), problems));
                    }
                }
                case "union" -> {
                    boolean any = false;
                    for (JsonNode option : type.path("types")) {
                        List<String> attempt = new ArrayList<>();
                        checkValue(path, branch, option, attempt);
                        any |= attempt.isEmpty();
                    }
                    if (!any) {
                        problems.add(path + ": matches none of " + type.path("types"));
                    }
                }
                case "string", "date-time" -> {
                    if (!branch.isValueNode()) {
                        problems.add(path + ": expected a string, got " + branch);
                    }
                }
                case "integer", "number" -> {
                    if (!branch.isNumber() && !(branch.isTextual() && branch.asText().matches("-?[0-9.]+"))) {
                        problems.add(path + ": expected a number, got " + branch);
                    }
                }
                case "boolean" -> {
                    if (!branch.isBoolean() && !(branch.isTextual() && branch.asText().matches("true|false"))) {
                        problems.add(path + ": expected a boolean, got " + branch);
                    }
                }
                case "tag" -> checkObject(path, branch, TAG, problems);
                default -> { /* json and other free-form values */ }
            }
        }
    }

    private static final JsonNode TAG = TemplateJson.MAPPER.valueToTree(Map.of(
            "Key", Map.of("required", true, "type", Map.of("type", "string")),
            "Value", Map.of("required", true, "type", Map.of("type", "string"))));

    /** A value CloudFormation computes ({@code Ref}, {@code Fn::*} other than {@code Fn::If}, which is expanded). */
    static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || (key.startsWith("Fn::") && !key.equals("Fn::If")) || key.equals("Condition");
    }
}

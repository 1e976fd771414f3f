package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.tests.template.FunctionPermissions;
import io.kefu.tests.template.TemplateJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every function's IAM role against its code (io.kefu.tests.template.FunctionPermissions): each SDK call the
 * handler can reach is allowed on exactly the table, index or queue its adapter uses, and nothing else is.
 */
class FunctionPermissionsTest {
    private final JsonNode template = TemplateJson.load();

    @Test
    void everyRoleAllowsExactlyWhatItsFunctionsCodeCalls() {
        assertThat(FunctionPermissions.problems(template)).isEmpty();
    }

    @Test
    void theCodeReadingFindsCallsThroughInterfacesMethodReferencesHelpersAndPriming() {
        // DispatchDueSurveys: preferences::find (method reference) -> GetItem; SurveyStore (interface) -> the
        // DueByTime query; SqsSurveyOutbox -> OutboundPublisher -> JsonQueue.send -> SendMessage.
        assertThat(FunctionPermissions.needed(template, "DispatchDueSurveysFunction").grants()).contains(
                "CustomerPreferencesTable|dynamodb:GetItem", "SurveysTable/index/DueByTime|dynamodb:Query",
                "OutboundMessagesQueue|sqs:SendMessage");
        // SweepStalledShipments: DynamoCareCaseStore builds the PendingByDueTime query and a helper sends it.
        assertThat(FunctionPermissions.needed(template, "SweepStalledShipmentsFunction").grants())
                .contains("CareCasesTable/index/PendingByDueTime|dynamodb:Query")
                .doesNotContain("SurveyRequestsQueue|sqs:SendMessage"); // only a shipment event asks for surveys
        // ScoreTranscript: SqsBatchProcessor -> PoisonParking (interface) -> DeadLetterParking; the priming read.
        assertThat(FunctionPermissions.needed(template, "ScoreTranscriptFunction").grants())
                .contains("TranscriptsDlq|sqs:SendMessage", "QaScoresTable|dynamodb:GetItem");
    }

    @Test
    void everyAdapterIsBuiltWithTheVariableTheWiringMapSays() throws java.io.IOException {
        java.nio.file.Path root = io.kefu.local.stack.RepoRoot.find();
        List<java.nio.file.Path> sources = new java.util.ArrayList<>();
        for (String dir : List.of("shared/src/main/java", "functions")) {
            try (var files = java.nio.file.Files.walk(root.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/src/test/")).forEach(sources::add);
            }
        }
        List<String> checked = new java.util.ArrayList<>();
        List<String> problems = new java.util.ArrayList<>();
        for (java.nio.file.Path file : sources) {
            String source = java.nio.file.Files.readString(file);
            if (!source.contains("env.require(")) {
                continue; // not where functions wire adapters from their environment
            }
            FunctionPermissions.ADAPTERS.forEach((adapter, variable) -> {
                var construction = java.util.regex.Pattern.compile("new " + adapter + "\\(").matcher(source);
                while (construction.find()) {
                    String arguments = withoutNestedAdapters(balanced(source, construction.end() - 1));
                    String used = variableIn(arguments, source);
                    checked.add(adapter);
                    boolean builtWithout = used.equals("(none)") && arguments.matches(".*\\bnull\\b.*");
                    if (!variable.equals(used) && !builtWithout) {
                        problems.add(file.getFileName() + ": new " + adapter + "(" + arguments + ") uses " + used
                                + ", FunctionPermissions.ADAPTERS says " + variable);
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void theWiringScanReadsTheVariableDirectlyOrThroughALocalAndSkipsInnerAdapters() {
        String source = "String t = env.require(\"CUSTOMER_PREFERENCES_TABLE\"); new DynamoCustomerCap(dynamo, t);";
        assertThat(variableIn("dynamo, t", source)).isEqualTo("CUSTOMER_PREFERENCES_TABLE");
        assertThat(variableIn("dynamo, env.require(\"SURVEYS_TABLE\"), 4", "")).isEqualTo("SURVEYS_TABLE");
        assertThat(variableIn("dynamo, table", "class X { String table; }")).isEqualTo("(none)");
        assertThat(withoutNestedAdapters("new OutboundPublisher(sqs, env.require(\"OUTBOUND_MESSAGES_QUEUE_URL\")), sqs, x"))
                .isEqualTo(", sqs, x");
    }

    /** Arguments with inner adapter constructions removed: {@code new SqsSurveyOutbox(new OutboundPublisher(..), ..)}. */
    private static String withoutNestedAdapters(String arguments) {
        String out = arguments;
        for (String adapter : FunctionPermissions.ADAPTERS.keySet()) {
            int at;
            while ((at = out.indexOf("new " + adapter + "(")) >= 0) {
                int open = at + ("new " + adapter).length();
                out = out.substring(0, at) + out.substring(open + balanced(out, open).length() + 2);
            }
        }
        return out;
    }

    /** The text between the parenthesis at {@code open} and its match. */
    private static String balanced(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced parentheses");
    }

    /** The environment variable an argument list names, directly or through a local assigned from env.require. */
    private static String variableIn(String arguments, String source) {
        var direct = java.util.regex.Pattern.compile("env\\.require\\(\"([A-Z_]+)\"\\)").matcher(arguments);
        if (direct.find()) {
            return direct.group(1);
        }
        var identifiers = java.util.regex.Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\b").matcher(arguments);
        while (identifiers.find()) {
            var assigned = java.util.regex.Pattern.compile("\\b" + identifiers.group(1)
                    + "\\s*=\\s*env\\.require\\(\"([A-Z_]+)\"\\)").matcher(source);
            if (assigned.find()) {
                return assigned.group(1);
            }
        }
        return "(none)";
    }

    @Test
    void theBytecodeReaderSeesEveryClientCallTheAdaptersSourcesMake() throws java.io.IOException {
        // A call the reader missed would be a grant the role lacks: compare with the calls written in the source.
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("\\b(dynamo|sqs)\\.([a-z][A-Za-z]+)\\(");
        int compared = 0;
        try (var files = java.nio.file.Files.walk(io.kefu.local.stack.RepoRoot.find().resolve("shared/src/main/java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(file);
                java.util.Set<String> written = new java.util.TreeSet<>();
                var m = call.matcher(source);
                while (m.find()) {
                    written.add((m.group(1).equals("dynamo") ? "dynamodb:" : "sqs:")
                            + Character.toUpperCase(m.group(2).charAt(0)) + m.group(2).substring(1));
                }
                if (written.isEmpty()) {
                    continue;
                }
                String path = file.toString();
                String className = path.substring(path.indexOf("io/kefu/"), path.length() - ".java".length()).replace('/', '.');
                assertThat(FunctionPermissions.graph().actionsDeclaredIn(className)).as(className).isEqualTo(written);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aMissingActionFails() {
        assertThat(problemsAfter(t -> removeAction(t, "ScheduleSurveyRole", "dynamodb:PutItem")))
                .containsExactly("ScheduleSurveyFunction: role does not allow SurveysTable|dynamodb:PutItem (its code needs it)");
    }

    @Test
    void anUnusedActionFails() {
        assertThat(problemsAfter(t -> firstStatement(t, "RecordSurveyResponseRole", "dynamodb:UpdateItem")
                .withArray("Action").add("dynamodb:DeleteItem")))
                .anyMatch(p -> p.contains("dynamodb:DeleteItem, which its code never uses"));
    }

    @Test
    void aWildcardResourceFails() {
        assertThat(problemsAfter(t -> firstStatement(t, "ScheduleSurveyRole", "dynamodb:PutItem")
                .put("Resource", "*")))
                .anyMatch(p -> p.contains("dynamodb:PutItem on wildcard resource *"));
    }

    @Test
    void aWildcardIndexResourceFails() {
        assertThat(problemsAfter(t -> firstStatement(t, "DispatchDueSurveysRole", "dynamodb:Query")
                .set("Resource", TemplateJson.MAPPER.createObjectNode()
                        .put("Fn::Sub", "${SurveysTable.Arn}/index/*"))))
                .anyMatch(p -> p.contains("on wildcard resource"));
    }

    @Test
    void aWildcardActionFails() {
        assertThat(problemsAfter(t -> firstStatement(t, "ScheduleSurveyRole", "dynamodb:PutItem")
                .withArray("Action").add("dynamodb:*")))
                .anyMatch(p -> p.contains("wildcard action dynamodb:*"));
    }

    @Test
    void aManagedPolicyFails() {
        assertThat(problemsAfter(t -> TemplateJson.properties(t, "ScoreTranscriptRole").putArray("ManagedPolicyArns")
                .add("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole")))
                .anyMatch(p -> p.contains("ManagedPolicyArns"));
    }

    @Test
    void aFunctionWithoutItsOwnRoleFails() {
        // Without Role, SAM generates one and attaches AWSLambdaBasicExecutionRole / AWSLambdaSQSQueueExecutionRole.
        assertThat(problemsAfter(t -> TemplateJson.properties(t, "ScoreTranscriptFunction")
                .remove("Role")))
                .anyMatch(p -> p.startsWith("ScoreTranscriptFunction: Role must be"));
    }

    @Test
    void theKmsGrantMustBeConditionedOnTheService() {
        assertThat(problemsAfter(t -> {
            for (JsonNode statement : statements(t, "ScoreTranscriptRole")) {
                if (statement.has("Fn::If")) {
                    ((ObjectNode) statement.path("Fn::If").get(1)).remove("Condition");
                }
            }
        })).contains("ScoreTranscriptRole: KMS statement without kms:ViaService");
    }

    @Test
    void theKmsGrantOutsideTheHasKmsKeyConditionFails() {
        assertThat(problemsAfter(t -> {
            ArrayNode statements = statements(t, "ScheduleSurveyRole");
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).has("Fn::If")) {
                    statements.set(i, statements.get(i).path("Fn::If").get(1));
                }
            }
        })).containsExactly(
                "ScheduleSurveyRole: a statement on KmsKeyArn outside !If [HasKmsKey, ...]");
    }

    private static List<String> problemsAfter(java.util.function.Consumer<ObjectNode> weakness) {
        return FunctionPermissions.problems(TemplateJson.mutated(weakness));
    }

    private static ArrayNode statements(JsonNode template, String role) {
        return (ArrayNode) TemplateJson.properties(template, role).path("Policies").get(0).path("PolicyDocument").path("Statement");
    }

    private static ObjectNode firstStatement(JsonNode template, String role, String action) {
        for (JsonNode statement : statements(template, role)) {
            for (JsonNode a : TemplateJson.asArray(statement.path("Action"))) {
                if (a.asText().equals(action)) {
                    return (ObjectNode) statement;
                }
            }
        }
        throw new IllegalArgumentException(role + " has no statement with " + action);
    }

    private static void removeAction(JsonNode template, String role, String action) {
        ArrayNode actions = firstStatement(template, role, action).withArray("Action");
        List<JsonNode> kept = new java.util.ArrayList<>();
        actions.forEach(a -> { if (!a.asText().equals(action)) kept.add(a); });
        actions.removeAll().addAll(kept);
    }
}

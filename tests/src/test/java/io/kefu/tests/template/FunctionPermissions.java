package io.kefu.tests.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.local.stack.RepoRoot;
import io.kefu.tests.template.SdkCallGraph.SdkCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each function's IAM role must allow, derived from its code, and what the role in the template allows.
 *
 * <p>Needed: every SDK call the handler can reach ({@link SdkCallGraph}) on the table or queue its adapter was
 * built with (the adapter's environment variable, {@link #ADAPTERS}, resolved through the function's
 * {@code Environment}; a query that names an index needs the index ARN instead of the table's); the SQS event
 * source mapping's receive/delete/attributes on the trigger queue; writing to its own log group; and, when the
 * KmsKeyArn parameter is set, the KMS actions SQS and DynamoDB need on that key. The role must allow exactly
 * that: a missing grant fails at run time, an extra one is privilege nobody uses.
 */
public final class FunctionPermissions {
    /** Adapter class (simple name) -> the environment variable holding its table or queue. {@code AwsClients}
     * (the SnapStart priming read) uses the table its handler passes, read from the handler's source. */
    public static final Map<String, String> ADAPTERS = Map.ofEntries(
            Map.entry("DynamoQaScoreRepository", "QA_SCORES_TABLE"),
            Map.entry("DynamoRulebookRepository", "RULEBOOKS_TABLE"),
            Map.entry("DynamoShipmentStore", "SHIPMENTS_TABLE"),
            Map.entry("DynamoCareCaseStore", "CARE_CASES_TABLE"),
            Map.entry("DynamoCustomerCap", "CUSTOMER_PREFERENCES_TABLE"),
            Map.entry("CustomerPreferencesRepository", "CUSTOMER_PREFERENCES_TABLE"),
            Map.entry("DynamoSurveyStore", "SURVEYS_TABLE"),
            Map.entry("DynamoAggregateStore", "SURVEY_AGGREGATES_TABLE"),
            Map.entry("DeadLetterParking", "DEAD_LETTER_QUEUE_URL"),
            Map.entry("OutboundPublisher", "OUTBOUND_MESSAGES_QUEUE_URL"),
            Map.entry("ApprovalPublisher", "CARE_APPROVALS_QUEUE_URL"),
            Map.entry("SurveyRequestPublisher", "SURVEY_REQUESTS_QUEUE_URL"),
            Map.entry("SqsFollowUpPublisher", "FOLLOW_UPS_QUEUE_URL"),
            Map.entry("SqsSurveyOutbox", "FOLLOW_UPS_QUEUE_URL"),
            // The QA console's reads and its review path (the CLI uses them too, but runs outside any role).
            Map.entry("QaScoreQueries", "QA_SCORES_TABLE"),
            Map.entry("DynamoQaReviewStore", "QA_SCORES_TABLE"),
            Map.entry("SurveyCsatReader", "SURVEY_AGGREGATES_TABLE"),
            Map.entry("AwsClients", "(priming)"));

    /** What the Lambda service does with the role for an SQS trigger (event source mapping). */
    static final List<String> EVENT_SOURCE_MAPPING = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    static final List<String> LOGS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
    /** KMS actions per use of an encrypted resource: DynamoDB encrypts/decrypts table keys through the caller's
     * permission, an SQS producer needs a data key, a consumer decrypts. */
    static final List<String> KMS_TABLE = List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey");
    static final List<String> KMS_SEND = List.of("kms:Decrypt", "kms:GenerateDataKey");
    static final List<String> KMS_RECEIVE = List.of("kms:Decrypt");
    /** Actions that have no resource level, the only ones allowed on {@code Resource: "*"}. */
    public static final Set<String> WITHOUT_RESOURCE_LEVEL = Set.of("cloudwatch:PutMetricData",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords");
    static final String KEY = "KmsKeyArn";

    static final SdkCallGraph GRAPH = SdkCallGraph.ofMainClasses(ADAPTERS.keySet());
    private static final Pattern PRIMING = Pattern.compile("primingRead\\(\\s*\\w+\\s*,\\s*env\\.require\\(\"([A-Z_]+)\"\\)");

    private FunctionPermissions() {}

    public static SdkCallGraph graph() {
        return GRAPH;
    }

    /** "resource|action": resource is a logical id, {@code Table/index/Name}, or {@code param:KmsKeyArn}. */
    public record Needs(Set<String> grants, List<String> problems) {}

    public static Needs needed(JsonNode template, String functionId) {
        JsonNode function = TemplateJson.properties(template, functionId);
        String handlerClass = function.path("Handler").asText().replace("::handleRequest", "");
        Set<String> grants = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        boolean usesTables = false;
        boolean sends = false;
        for (SdkCall call : GRAPH.callsFrom(handlerClass)) {
            if (call.adapter() == null) {
                problems.add(call.site() + " calls " + call.action() + " outside every adapter of FunctionPermissions.ADAPTERS");
                continue;
            }
            String variable = call.adapter().equals("AwsClients") ? primingTable(handlerClass) : ADAPTERS.get(call.adapter());
            String resource = refOf(function.path("Environment").path("Variables").path(variable));
            if (resource == null) {
                problems.add(functionId + ": " + call.site() + " (" + call.adapter() + ") calls " + call.action()
                        + " on " + variable + ", which its Environment does not set to !Ref of a resource");
                continue;
            }
            usesTables |= call.action().startsWith("dynamodb:");
            sends |= call.action().equals("sqs:SendMessage");
            if (call.namesIndex()) {
                List<String> indexes = indexesOf(template, resource).stream().filter(call.strings()::contains).toList();
                if (indexes.isEmpty()) {
                    problems.add(call.site() + " queries an index of " + resource + " but names none of "
                            + indexesOf(template, resource) + " as a constant");
                }
                indexes.forEach(index -> grants.add(resource + "/index/" + index + "|" + call.action()));
            } else {
                grants.add(resource + "|" + call.action());
            }
        }
        boolean receives = false;
        for (JsonNode event : function.path("Events")) {
            if (event.path("Type").asText().equals("SQS")) {
                receives = true;
                String queue = event.path("Properties").path("Queue").path("Fn::GetAtt").path(0).asText();
                EVENT_SOURCE_MAPPING.forEach(action -> grants.add(queue + "|" + action));
            }
        }
        String logGroup = function.path("LoggingConfig").path("LogGroup").path("Ref").asText(null);
        if (logGroup == null) {
            problems.add(functionId + ": no LoggingConfig.LogGroup: !Ref <its log group>");
        } else {
            LOGS.forEach(action -> grants.add(logGroup + "|" + action));
        }
        Set<String> kms = new TreeSet<>();
        if (usesTables) {
            kms.addAll(KMS_TABLE);
        }
        if (sends) {
            kms.addAll(KMS_SEND);
        }
        if (receives) {
            kms.addAll(KMS_RECEIVE);
        }
        kms.forEach(action -> grants.add("param:" + KEY + "|" + action));
        return new Needs(grants, problems);
    }

    /** What the function's role allows, as "resource|action", plus problems in its shape. */
    public static Needs granted(JsonNode template, String functionId) {
        List<String> problems = new ArrayList<>();
        Set<String> grants = new TreeSet<>();
        JsonNode function = TemplateJson.properties(template, functionId);
        String roleId = function.path("Role").path("Fn::GetAtt").path(0).asText(null);
        if (roleId == null || !template.path("Resources").path(roleId).path("Type").asText().equals("AWS::IAM::Role")) {
            problems.add(functionId + ": Role must be !GetAtt <its AWS::IAM::Role>.Arn (else SAM generates one with managed policies)");
            return new Needs(grants, problems);
        }
        if (function.has("Policies")) {
            problems.add(functionId + ": Policies beside an explicit Role (SAM ignores or merges them)");
        }
        JsonNode role = TemplateJson.properties(template, roleId);
        if (role.has("ManagedPolicyArns")) {
            problems.add(roleId + ": ManagedPolicyArns " + role.get("ManagedPolicyArns") + " (AWS managed policies use Resource \"*\")");
        }
        if (role.has("PermissionsBoundary") || role.has("Path")) {
            // allowed, but not part of the grants
        }
        for (JsonNode policy : role.path("Policies")) {
            for (JsonNode declared : TemplateJson.asArray(policy.path("PolicyDocument").path("Statement"))) {
                // With KmsKeyArn empty a statement on it would name Resource "": only under !If HasKmsKey.
                boolean onKey = declared.toString().contains("{\"Ref\":\"" + KEY + "\"}");
                if (onKey && !declared.path("Fn::If").path(0).asText().equals("HasKmsKey")) {
                    problems.add(roleId + ": a statement on " + KEY + " outside !If [HasKmsKey, ...]");
                }
            }
            for (JsonNode statement : TemplateJson.statements(policy.path("PolicyDocument"))) {
                if (!statement.path("Effect").asText().equals("Allow")) {
                    continue;
                }
                if (statement.has("NotAction") || statement.has("NotResource")) {
                    problems.add(roleId + ": NotAction/NotResource grant everything else");
                }
                for (JsonNode action : TemplateJson.asArray(statement.path("Action"))) {
                    for (JsonNode resource : TemplateJson.asArray(statement.path("Resource"))) {
                        String name = resourceName(resource);
                        String act = action.asText();
                        if (act.contains("*")) {
                            problems.add(roleId + ": wildcard action " + act);
                        }
                        if (name.contains("*") && !WITHOUT_RESOURCE_LEVEL.contains(act)) {
                            problems.add(roleId + ": " + act + " on wildcard resource " + name);
                        }
                        if (name.equals("param:" + KEY) && !kmsConditioned(statement)) {
                            problems.add(roleId + ": KMS statement without kms:ViaService");
                        }
                        grants.add(name + "|" + act);
                    }
                }
            }
        }
        return new Needs(grants, problems);
    }

    /** Every difference between what the code needs and what the role allows, for every function. */
    public static List<String> problems(JsonNode template) {
        List<String> problems = new ArrayList<>();
        TemplateJson.resourcesOfType(template, "AWS::Serverless::Function").keySet().forEach(id -> {
            Needs needed = needed(template, id);
            Needs granted = granted(template, id);
            problems.addAll(needed.problems());
            problems.addAll(granted.problems());
            for (String grant : needed.grants()) {
                if (!granted.grants().contains(grant)) {
                    problems.add(id + ": role does not allow " + grant + " (its code needs it)");
                }
            }
            for (String grant : granted.grants()) {
                if (!needed.grants().contains(grant)) {
                    problems.add(id + ": role allows " + grant + ", which its code never uses");
                }
            }
        });
        return problems;
    }

    static String resourceName(JsonNode resource) {
        if (resource.isTextual()) {
            return resource.asText();
        }
        JsonNode getAtt = resource.path("Fn::GetAtt");
        if (getAtt.isArray() && getAtt.path(1).asText().equals("Arn")) {
            return getAtt.path(0).asText();
        }
        if (resource.path("Ref").isTextual()) {
            return "param:" + resource.path("Ref").asText();
        }
        Matcher index = Pattern.compile("^\\$\\{(\\w+)\\.Arn}(/index/[A-Za-z0-9_.-]+)$").matcher(resource.path("Fn::Sub").asText());
        if (index.matches()) {
            return index.group(1) + index.group(2);
        }
        return resource.toString();
    }

    private static boolean kmsConditioned(JsonNode statement) {
        return statement.path("Condition").path("StringEquals").has("kms:ViaService");
    }

    private static String refOf(JsonNode value) {
        return value.path("Ref").asText(null);
    }

    private static List<String> indexesOf(JsonNode template, String table) {
        List<String> names = new ArrayList<>();
        for (JsonNode index : TemplateJson.properties(template, table).path("GlobalSecondaryIndexes")) {
            names.add(index.path("IndexName").asText());
        }
        return names;
    }

    private static String primingTable(String handlerClass) {
        Path root = RepoRoot.find();
        try (var files = Files.walk(root.resolve("functions"))) {
            Path source = files.filter(f -> f.toString().endsWith(handlerClass.replace('.', '/') + ".java")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no source for " + handlerClass));
            Matcher m = PRIMING.matcher(Files.readString(source));
            if (!m.find()) {
                throw new IllegalStateException(handlerClass + " primes with AwsClients.primingRead(dynamo, env.require(\"X\")) "
                        + "in a form this check cannot read");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

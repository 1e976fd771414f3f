package io.kefu.tests.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a security review of infra-template.yaml asks for, one check per concern, each returning the problems it
 * finds in a (long-form) template so a test can show it fails on a copy with the weakness put back.
 */
public final class SecurityChecks {
    /** Who outside the stack may send to or read a queue (template parameters; docs/deploy.md). The operator may
     * send to every work queue: a DLQ redrive sends to the source queue as the caller. */
    public static final Map<String, List<String>> EXTERNAL_SENDERS = Map.of(
            "TranscriptsQueue", List.of("ChatSystemPrincipal", "OperatorPrincipal"),
            "ShipmentEventsQueue", List.of("OrderSystemPrincipal", "OperatorPrincipal"),
            "SurveyRequestsQueue", List.of("OrderSystemPrincipal", "OperatorPrincipal"),
            "SurveyResponsesQueue", List.of("MessagingGatewayPrincipal", "OperatorPrincipal"),
            "OutboundMessagesQueue", List.of("OperatorPrincipal"),
            "FollowUpsQueue", List.of("OperatorPrincipal"),
            "CareApprovalsQueue", List.of("OperatorPrincipal"));
    public static final Map<String, List<String>> EXTERNAL_READERS = Map.of(
            "OutboundMessagesQueue", List.of("MessagingGatewayPrincipal"),
            "FollowUpsQueue", List.of("ChatSystemPrincipal"),
            "CareApprovalsQueue", List.of("ChatSystemPrincipal"));
    static final List<String> READ_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");

    private SecurityChecks() {}

    /** {@code !If [HasKmsKey, !Ref KmsKeyArn, !Ref AWS::NoValue]}, the form every encrypted resource uses. */
    static final JsonNode KEY_IF_GIVEN = json("{\"Fn::If\":[\"HasKmsKey\",{\"Ref\":\"KmsKeyArn\"},{\"Ref\":\"AWS::NoValue\"}]}");

    public static List<String> tablesAreRetainedAndProtected(JsonNode template) {
        List<String> problems = new ArrayList<>();
        TemplateJson.resourcesOfType(template, "AWS::DynamoDB::Table").forEach((id, table) -> {
            if (!table.path("DeletionPolicy").asText().equals("Retain")) {
                problems.add(id + ": DeletionPolicy is not Retain (a stack delete destroys the data)");
            }
            if (!table.path("UpdateReplacePolicy").asText().equals("Retain")) {
                problems.add(id + ": UpdateReplacePolicy is not Retain (a replacing update destroys the data)");
            }
            JsonNode props = table.path("Properties");
            if (!props.path("DeletionProtectionEnabled").asBoolean(false)) {
                problems.add(id + ": DeletionProtectionEnabled is not true");
            }
            if (!props.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean(false)) {
                problems.add(id + ": point-in-time recovery off");
            }
        });
        return problems;
    }

    /** The optional customer-managed key is used by every queue, table, log group and topic when it is given. */
    public static List<String> theCustomerKeyIsUsedEverywhere(JsonNode template) {
        List<String> problems = new ArrayList<>();
        JsonNode condition = template.path("Conditions").path("HasKmsKey");
        if (!condition.equals(json("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"KmsKeyArn\"},\"\"]}]}"))) {
            problems.add("Conditions.HasKmsKey must be !Not [!Equals [!Ref KmsKeyArn, \"\"]], is " + condition);
        }
        TemplateJson.resourcesOfType(template, "AWS::SQS::Queue").forEach((id, queue) -> {
            JsonNode props = queue.path("Properties");
            if (!props.path("KmsMasterKeyId").equals(KEY_IF_GIVEN)) {
                problems.add(id + ": KmsMasterKeyId is not the KmsKeyArn key when given");
            }
            if (!props.path("SqsManagedSseEnabled").equals(json("{\"Fn::If\":[\"HasKmsKey\",{\"Ref\":\"AWS::NoValue\"},true]}"))) {
                problems.add(id + ": SqsManagedSseEnabled is not true when no key is given");
            }
        });
        TemplateJson.resourcesOfType(template, "AWS::DynamoDB::Table").forEach((id, table) -> {
            JsonNode sse = table.path("Properties").path("SSESpecification");
            if (!sse.path("SSEEnabled").asBoolean(false) || !sse.path("SSEType").asText().equals("KMS")
                    || !sse.path("KMSMasterKeyId").equals(KEY_IF_GIVEN)) {
                problems.add(id + ": SSESpecification is not KMS with the KmsKeyArn key when given");
            }
        });
        TemplateJson.resourcesOfType(template, "AWS::Logs::LogGroup").forEach((id, group) -> {
            if (!group.path("Properties").path("KmsKeyId").equals(KEY_IF_GIVEN)) {
                problems.add(id + ": KmsKeyId is not the KmsKeyArn key when given");
            }
        });
        TemplateJson.resourcesOfType(template, "AWS::SNS::Topic").forEach((id, topic) -> {
            if (!topic.path("Properties").path("KmsMasterKeyId").equals(KEY_IF_GIVEN)) {
                problems.add(id + ": KmsMasterKeyId is not the KmsKeyArn key when given");
            }
        });
        return problems;
    }

    /** Every queue's policy denies any request made without TLS. */
    public static List<String> everyQueueDeniesRequestsWithoutTls(JsonNode template) {
        List<String> problems = new ArrayList<>();
        Map<String, List<JsonNode>> policies = queuePolicies(template);
        for (String queue : TemplateJson.resourcesOfType(template, "AWS::SQS::Queue").keySet()) {
            boolean denies = policies.getOrDefault(queue, List.of()).stream().anyMatch(s ->
                    s.path("Effect").asText().equals("Deny") && s.path("Principal").asText().equals("*")
                            && TemplateJson.asArray(s.path("Action")).stream().anyMatch(a -> a.asText().equals("sqs:*"))
                            && arnOf(s.path("Resource")).equals(queue)
                            && s.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false"));
            if (!denies) {
                problems.add(queue + ": no queue policy statement denies sqs:* when aws:SecureTransport is false");
            }
        }
        return problems;
    }

    /**
     * On every work queue (one with a DLQ) only the listed principals send and read: a Deny for everyone else in
     * every branch of the policy, whose list is the functions' roles the template lets send to (or that consume)
     * the queue plus the queue's external principals, and an Allow for each external principal.
     */
    public static List<String> onlyListedPrincipalsSendAndRead(JsonNode template) {
        List<String> problems = new ArrayList<>();
        Map<String, List<JsonNode>> policies = queuePolicies(template);
        Map<String, Set<String>> senders = senders(template);
        Map<String, Set<String>> readers = readers(template);
        for (String queue : workQueues(template)) { // DLQs: TLS only; SQS itself moves messages in
            List<JsonNode> statements = policies.getOrDefault(queue, List.of());
            checkExclusive(queue, "sqs:SendMessage", senders.get(queue), EXTERNAL_SENDERS.getOrDefault(queue, List.of()), statements, problems);
            checkExclusive(queue, "sqs:ReceiveMessage", readers.get(queue), EXTERNAL_READERS.getOrDefault(queue, List.of()), statements, problems);
        }
        return problems;
    }

    /** Queue -> who may send: the roles the template lets send to it, then its external principals. */
    public static Map<String, Set<String>> senders(JsonNode template) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Map<String, Set<String>> roles = rolesAllowed(template, "sqs:SendMessage");
        workQueues(template).forEach(q -> {
            Set<String> all = new TreeSet<>(roles.getOrDefault(q, Set.of()));
            all.addAll(EXTERNAL_SENDERS.getOrDefault(q, List.of()));
            out.put(q, all);
        });
        return out;
    }

    /** Queue -> who may receive: the roles of the functions it triggers, then its external principals. */
    public static Map<String, Set<String>> readers(JsonNode template) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Map<String, Set<String>> roles = consumingRoles(template);
        workQueues(template).forEach(q -> {
            Set<String> all = new TreeSet<>(roles.getOrDefault(q, Set.of()));
            all.addAll(EXTERNAL_READERS.getOrDefault(q, List.of()));
            out.put(q, all);
        });
        return out;
    }

    static List<String> workQueues(JsonNode template) {
        return TemplateJson.resourcesOfType(template, "AWS::SQS::Queue").entrySet().stream()
                .filter(e -> e.getValue().path("Properties").has("RedrivePolicy")).map(Map.Entry::getKey).toList();
    }

    private static void checkExclusive(String queue, String action, Set<String> expected, List<String> external,
                                       List<JsonNode> statements, List<String> problems) {
        List<JsonNode> denies = statements.stream().filter(s -> s.path("Effect").asText().equals("Deny")
                && s.path("Principal").asText().equals("*")
                && TemplateJson.asArray(s.path("Action")).stream().anyMatch(a -> a.asText().equals(action))
                && arnOf(s.path("Resource")).equals(queue)).toList();
        if (denies.isEmpty()) {
            problems.add(queue + ": no statement denies " + action + " to principals other than " + expected);
        }
        for (JsonNode deny : denies) {
            JsonNode condition = deny.path("Condition");
            if (condition.isMissingNode()) {
                continue; // the branch where no principal is configured: nobody outside may
            }
            Set<String> listed = new TreeSet<>();
            for (JsonNode principal : TemplateJson.asArray(condition.path("ArnNotEquals").path("aws:PrincipalArn"))) {
                for (JsonNode value : TemplateJson.branches(principal)) {
                    listed.add(principalName(value));
                }
            }
            if (condition.size() != 1 || !condition.has("ArnNotEquals")) {
                problems.add(queue + ": the " + action + " deny must have exactly ArnNotEquals aws:PrincipalArn, has " + condition);
            }
            if (!listed.equals(expected)) {
                problems.add(queue + ": " + action + " is open to " + listed + ", expected " + expected);
            }
        }
        for (String parameter : external) {
            boolean allowed = statements.stream().anyMatch(s -> s.path("Effect").asText().equals("Allow")
                    && s.path("Principal").path("AWS").path("Ref").asText().equals(parameter)
                    && TemplateJson.asArray(s.path("Action")).stream().anyMatch(a -> a.asText().equals(action)));
            if (!allowed) {
                problems.add(queue + ": no Allow of " + action + " for " + parameter);
            }
        }
    }

    /** Every DLQ's depth and every function's Errors and Throttles alarm to the alarm topic. */
    public static List<String> everyDlqAndFunctionHasAlarms(JsonNode template) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> alarms = TemplateJson.resourcesOfType(template, "AWS::CloudWatch::Alarm");
        Set<String> dlqs = new TreeSet<>();
        TemplateJson.resourcesOfType(template, "AWS::SQS::Queue").forEach((id, q) -> {
            JsonNode target = q.path("Properties").path("RedrivePolicy").path("deadLetterTargetArn");
            if (!target.isMissingNode()) {
                dlqs.add(arnOf(target));
            }
        });
        for (String dlq : dlqs) {
            if (!hasAlarm(alarms, "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                    json("{\"Fn::GetAtt\":[\"" + dlq + "\",\"QueueName\"]}"))) {
                problems.add(dlq + ": no alarm on ApproximateNumberOfMessagesVisible > 0 to the alarm topic");
            }
        }
        for (String function : TemplateJson.resourcesOfType(template, "AWS::Serverless::Function").keySet()) {
            for (String metric : List.of("Errors", "Throttles")) {
                if (!hasAlarm(alarms, "AWS/Lambda", metric, "FunctionName", json("{\"Ref\":\"" + function + "\"}"))) {
                    problems.add(function + ": no alarm on " + metric + " > 0 to the alarm topic");
                }
            }
        }
        return problems;
    }

    private static boolean hasAlarm(Map<String, JsonNode> alarms, String namespace, String metric, String dimension, JsonNode value) {
        JsonNode topic = json("[{\"Fn::If\":[\"CreateAlarmTopic\",{\"Ref\":\"AlarmTopic\"},{\"Ref\":\"AlarmTopicArn\"}]}]");
        return alarms.values().stream().map(a -> a.path("Properties")).anyMatch(p ->
                p.path("Namespace").asText().equals(namespace) && p.path("MetricName").asText().equals(metric)
                        && p.path("Dimensions").size() == 1
                        && p.path("Dimensions").get(0).path("Name").asText().equals(dimension)
                        && p.path("Dimensions").get(0).path("Value").equals(value)
                        && p.path("Threshold").asDouble(-1) == 0 && p.path("ComparisonOperator").asText().equals("GreaterThanThreshold")
                        && p.path("AlarmActions").equals(topic));
    }

    /** Every function logs to its own log group, which has a retention period. */
    public static List<String> everyFunctionLogsToItsGroupWithRetention(JsonNode template) {
        List<String> problems = new ArrayList<>();
        TemplateJson.resourcesOfType(template, "AWS::Serverless::Function").forEach((id, f) -> {
            String group = f.path("Properties").path("LoggingConfig").path("LogGroup").path("Ref").asText(null);
            JsonNode resource = group == null ? null : template.path("Resources").path(group);
            if (resource == null || !resource.path("Type").asText().equals("AWS::Logs::LogGroup")) {
                problems.add(id + ": LoggingConfig.LogGroup is not !Ref of an AWS::Logs::LogGroup");
            } else if (!resource.path("Properties").has("RetentionInDays")) {
                problems.add(group + ": no RetentionInDays");
            }
        });
        return problems;
    }

    /** Queue logical id -> the roles whose policy allows {@code action} on it. */
    static Map<String, Set<String>> rolesAllowed(JsonNode template, String action) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        TemplateJson.resourcesOfType(template, "AWS::IAM::Role").forEach((role, r) -> {
            for (JsonNode policy : r.path("Properties").path("Policies")) {
                for (JsonNode s : TemplateJson.statements(policy.path("PolicyDocument"))) {
                    if (s.path("Effect").asText().equals("Allow")
                            && TemplateJson.asArray(s.path("Action")).stream().anyMatch(a -> a.asText().equals(action))) {
                        TemplateJson.asArray(s.path("Resource")).forEach(res ->
                                out.computeIfAbsent(arnOf(res), k -> new TreeSet<>()).add(role));
                    }
                }
            }
        });
        return out;
    }

    /** Queue logical id -> the roles of the functions it triggers. */
    static Map<String, Set<String>> consumingRoles(JsonNode template) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        TemplateJson.resourcesOfType(template, "AWS::Serverless::Function").forEach((id, f) -> {
            String role = f.path("Properties").path("Role").path("Fn::GetAtt").path(0).asText();
            for (JsonNode event : f.path("Properties").path("Events")) {
                if (event.path("Type").asText().equals("SQS")) {
                    out.computeIfAbsent(arnOf(event.path("Properties").path("Queue")), k -> new TreeSet<>()).add(role);
                }
            }
        });
        return out;
    }

    /** Queue logical id -> statements of the queue policies that name it (Fn::If expanded). */
    static Map<String, List<JsonNode>> queuePolicies(JsonNode template) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        TemplateJson.resourcesOfType(template, "AWS::SQS::QueuePolicy").forEach((id, p) -> {
            for (JsonNode queue : p.path("Properties").path("Queues")) {
                out.computeIfAbsent(queue.path("Ref").asText(), k -> new ArrayList<>())
                        .addAll(TemplateJson.statements(p.path("Properties").path("PolicyDocument")));
            }
        });
        return out;
    }

    /** {@code !GetAtt X.Arn} -> X; anything else as JSON text. */
    static String arnOf(JsonNode value) {
        JsonNode getAtt = value.path("Fn::GetAtt");
        return getAtt.isArray() && getAtt.path(1).asText().equals("Arn") ? getAtt.path(0).asText() : value.toString();
    }

    /** A principal in a condition list: {@code !GetAtt XRole.Arn} -> XRole, {@code !Ref P} -> P. */
    static String principalName(JsonNode value) {
        return value.has("Ref") ? value.path("Ref").asText() : arnOf(value);
    }

    static JsonNode json(String text) {
        try {
            return TemplateJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

package io.kefu.local.stack;

import io.kefu.local.stack.Specs.FunctionSpec;
import io.kefu.local.stack.Specs.IndexSpec;
import io.kefu.local.stack.Specs.KeyPart;
import io.kefu.local.stack.Specs.QueueSpec;
import io.kefu.local.stack.Specs.Redrive;
import io.kefu.local.stack.Specs.ScheduleTrigger;
import io.kefu.local.stack.Specs.SqsTrigger;
import io.kefu.local.stack.Specs.TableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * infra-template.yaml, parsed once: the queues, tables and functions it declares, with names resolved for a
 * stage. Everything local (bootstrap, runtime wiring, tests) reads resources from here; there is no second list.
 */
public final class CfnTemplate {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    private final Path file;
    private final Map<String, Object> root;
    private final Map<String, String> parameters;

    private CfnTemplate(Path file, Map<String, Object> root, Map<String, String> parameterOverrides) {
        this.file = file;
        this.root = root;
        Map<String, String> params = new LinkedHashMap<>();
        map(root.get("Parameters")).forEach((name, decl) -> {
            Object def = map(decl).get("Default");
            if (def != null) {
                params.put(name, String.valueOf(def));
            }
        });
        params.putAll(parameterOverrides);
        this.parameters = Map.copyOf(params);
    }

    public static CfnTemplate load(Path file) {
        return new CfnTemplate(file, CfnYaml.load(file), Map.of());
    }

    /** The same template with parameters overridden, e.g. {@code Stage}. */
    public CfnTemplate withParameters(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(parameters);
        merged.putAll(overrides);
        return new CfnTemplate(file, root, merged);
    }

    public CfnTemplate withStage(String stage) {
        return withParameters(Map.of("Stage", stage));
    }

    public Path file() {
        return file;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public String stage() {
        return parameters.getOrDefault("Stage", "dev");
    }

    public Map<String, Object> raw() {
        return root;
    }

    /** Every resource's Type by logical id, in template order. */
    public Map<String, String> resourceTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        resources().forEach((id, r) -> types.put(id, String.valueOf(map(r).get("Type"))));
        return types;
    }

    public List<QueueSpec> queues() {
        List<QueueSpec> queues = new ArrayList<>();
        resourcesOfType("AWS::SQS::Queue").forEach((id, props) -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String attribute : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                    "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds", "FifoQueue", "ContentBasedDeduplication",
                    "SqsManagedSseEnabled", "DeduplicationScope", "FifoThroughputLimit")) {
                Object value = chosen(props.get(attribute));
                if (value != null) {
                    attributes.put(attribute, resolveNames(value));
                }
            }
            Optional<Redrive> redrive = Optional.ofNullable(props.get("RedrivePolicy")).map(p -> {
                Map<String, Object> policy = map(p);
                Object target = policy.get("deadLetterTargetArn");
                String dlq = target instanceof Intrinsic.GetAtt g ? g.resource()
                        : target instanceof Intrinsic.Ref r ? r.name() : null;
                if (dlq == null) {
                    throw new IllegalStateException(id + ": deadLetterTargetArn must be !GetAtt <Queue>.Arn");
                }
                return new Redrive(dlq, Integer.parseInt(String.valueOf(policy.get("maxReceiveCount"))));
            });
            String name = props.containsKey("QueueName") ? resolveNames(props.get("QueueName"))
                    : "kefu-" + stage() + "-" + id + ("true".equals(attributes.get("FifoQueue")) ? ".fifo" : "");
            queues.add(new QueueSpec(id, name, Map.copyOf(attributes), redrive));
        });
        return List.copyOf(queues);
    }

    public QueueSpec queue(String logicalId) {
        return queues().stream().filter(q -> q.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no AWS::SQS::Queue " + logicalId + " in " + file));
    }

    public List<TableSpec> tables() {
        List<TableSpec> tables = new ArrayList<>();
        resourcesOfType("AWS::DynamoDB::Table").forEach((id, props) -> {
            Map<String, String> types = new LinkedHashMap<>();
            for (Object def : list(props.get("AttributeDefinitions"))) {
                types.put(String.valueOf(map(def).get("AttributeName")), String.valueOf(map(def).get("AttributeType")));
            }
            Optional<String> ttl = Optional.ofNullable(props.get("TimeToLiveSpecification")).map(CfnTemplate::map)
                    .filter(t -> !"false".equalsIgnoreCase(String.valueOf(t.get("Enabled"))))
                    .map(t -> String.valueOf(t.get("AttributeName")));
            String name = props.containsKey("TableName") ? resolveNames(props.get("TableName")) : "kefu-" + stage() + "-" + id;
            tables.add(new TableSpec(id, name, Map.copyOf(types), keys(props.get("KeySchema")),
                    indexes(props.get("GlobalSecondaryIndexes")), indexes(props.get("LocalSecondaryIndexes")), ttl));
        });
        return List.copyOf(tables);
    }

    public TableSpec table(String logicalId) {
        return tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no AWS::DynamoDB::Table " + logicalId + " in " + file));
    }

    public List<FunctionSpec> functions() {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        List<FunctionSpec> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, props) -> {
            Map<String, Object> env = new LinkedHashMap<>(map(map(globals.get("Environment")).get("Variables")));
            env.putAll(map(map(props.get("Environment")).get("Variables")));
            List<SqsTrigger> sqs = new ArrayList<>();
            List<ScheduleTrigger> schedules = new ArrayList<>();
            map(props.get("Events")).forEach((eventName, e) -> {
                Map<String, Object> event = map(e);
                Map<String, Object> ep = map(event.get("Properties"));
                boolean enabled = !"false".equalsIgnoreCase(String.valueOf(ep.getOrDefault("Enabled", "true")));
                switch (String.valueOf(event.get("Type"))) {
                    case "SQS" -> {
                        Object queue = ep.get("Queue");
                        String queueId = queue instanceof Intrinsic.GetAtt g ? g.resource()
                                : queue instanceof Intrinsic.Ref r ? r.name() : null;
                        if (queueId == null) {
                            throw new IllegalStateException(id + "." + eventName + ": Queue must be !GetAtt <Queue>.Arn");
                        }
                        sqs.add(new SqsTrigger(eventName, queueId, intOf(ep.get("BatchSize"), 10),
                                intOf(ep.get("MaximumBatchingWindowInSeconds"), 0),
                                list(ep.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"), enabled));
                    }
                    case "Schedule", "ScheduleV2" -> schedules.add(new ScheduleTrigger(eventName,
                            String.valueOf(ep.getOrDefault("Schedule", ep.get("ScheduleExpression"))), enabled));
                    default -> { /* other event sources are not emulated */ }
                }
            });
            List<Map<String, Object>> statements = new ArrayList<>();
            for (Object policy : list(props.get("Policies"))) {
                if (policy instanceof Map<?, ?> p && p.get("Statement") != null) {
                    list(p.get("Statement")).forEach(s -> statements.add(map(s)));
                }
            }
            // An explicit execution role (Role: !GetAtt XRole.Arn): its inline policies, Fn::If resolved.
            if (props.get("Role") instanceof Intrinsic.GetAtt role
                    && "AWS::IAM::Role".equals(map(resources().get(role.resource())).get("Type"))) {
                for (Object policy : list(map(map(resources().get(role.resource())).get("Properties")).get("Policies"))) {
                    for (Object s : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                        Object statement = chosen(s);
                        if (statement != null) {
                            statements.add(map(statement));
                        }
                    }
                }
            }
            String name = props.containsKey("FunctionName") ? resolveNames(props.get("FunctionName")) : id;
            Object codeUri = props.getOrDefault("CodeUri", globals.get("CodeUri"));
            functions.add(new FunctionSpec(id, name, String.valueOf(props.get("Handler")),
                    codeUri == null ? null : String.valueOf(codeUri),
                    intOf(props.getOrDefault("Timeout", globals.get("Timeout")), 3),
                    intOf(props.getOrDefault("MemorySize", globals.get("MemorySize")), 128),
                    java.util.Collections.unmodifiableMap(env), List.copyOf(sqs), List.copyOf(schedules),
                    List.copyOf(statements)));
        });
        return List.copyOf(functions);
    }

    public FunctionSpec function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no AWS::Serverless::Function " + logicalId + " in " + file));
    }

    /**
     * Resolves a value that may hold intrinsics. {@code ref} answers {@code !Ref} of resources, {@code getAtt}
     * answers {@code !GetAtt}; parameters and pseudo parameters are answered here.
     */
    public String resolve(Object value, Function<String, String> ref, BiFunction<String, String, String> getAtt) {
        if (value instanceof Intrinsic.Ref r) {
            String parameter = parameters.get(r.name());
            return parameter != null ? parameter : ref.apply(r.name());
        }
        if (value instanceof Intrinsic.GetAtt g) {
            return getAtt.apply(g.resource(), g.attribute());
        }
        if (value instanceof Intrinsic.Sub s) {
            Matcher m = SUB_VARIABLE.matcher(s.text());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String variable = m.group(1);
                String replacement;
                if (variable.startsWith("!")) {
                    replacement = "${" + variable.substring(1) + "}";
                } else if (s.variables().containsKey(variable)) {
                    replacement = resolve(s.variables().get(variable), ref, getAtt);
                } else if (variable.contains(".")) {
                    int dot = variable.indexOf('.');
                    replacement = getAtt.apply(variable.substring(0, dot), variable.substring(dot + 1));
                } else {
                    replacement = resolve(new Intrinsic.Ref(variable), ref, getAtt);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof Intrinsic.Other o) {
            throw new IllegalStateException("intrinsic Fn::" + o.function() + " is not supported locally: " + o.argument());
        }
        return String.valueOf(value);
    }

    /**
     * The branch a {@code !If [Condition, a, b]} takes with this template's parameters, applied until the value
     * is no {@code !If}; {@code null} for {@code !Ref AWS::NoValue} or an absent value (the property is omitted).
     */
    public Object chosen(Object value) {
        Object current = value;
        while (current instanceof Intrinsic.Other o && o.function().equals("If")) {
            List<Object> args = list(o.argument());
            if (args.size() != 3) {
                throw new IllegalStateException("Fn::If needs [condition, then, else]: " + o.argument());
            }
            current = condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2);
        }
        return current instanceof Intrinsic.Ref r && r.name().equals("AWS::NoValue") ? null : current;
    }

    /** A named condition of the template's Conditions section, evaluated with this template's parameters. */
    public boolean condition(String name) {
        Object declared = map(root.get("Conditions")).get(name);
        if (declared == null) {
            throw new IllegalArgumentException("no condition " + name + " in " + file);
        }
        return truth(declared);
    }

    private boolean truth(Object expression) {
        if (!(expression instanceof Intrinsic.Other o)) {
            throw new IllegalStateException("not a condition function: " + expression);
        }
        List<Object> args = list(o.argument());
        return switch (o.function()) {
            case "Equals" -> resolveNames(args.get(0)).equals(resolveNames(args.get(1)));
            case "Not" -> !truth(args.get(0));
            case "And" -> args.stream().allMatch(this::truth);
            case "Or" -> args.stream().anyMatch(this::truth);
            case "Condition" -> condition(String.valueOf(o.argument()));
            default -> throw new IllegalStateException("Fn::" + o.function() + " is not a condition function");
        };
    }

    /** Resolves values that only need parameters and pseudo parameters (resource names). */
    String resolveNames(Object value) {
        return resolve(value, name -> switch (name) {
            case "AWS::Region" -> "us-east-1";
            case "AWS::AccountId" -> "000000000000";
            case "AWS::Partition" -> "aws";
            case "AWS::StackName" -> "kefu-" + stage();
            default -> throw new IllegalStateException("cannot resolve !Ref " + name + " in a resource name");
        }, (res, att) -> {
            throw new IllegalStateException("cannot resolve !GetAtt " + res + "." + att + " in a resource name");
        });
    }

    private Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    private Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                out.put(id, map(map(r).get("Properties")));
            }
        });
        return out;
    }

    private static List<KeyPart> keys(Object keySchema) {
        return list(keySchema).stream().map(CfnTemplate::map)
                .map(k -> new KeyPart(String.valueOf(k.get("AttributeName")), String.valueOf(k.get("KeyType")))).toList();
    }

    private static List<IndexSpec> indexes(Object declared) {
        return list(declared).stream().map(CfnTemplate::map).map(i -> {
            Map<String, Object> projection = map(i.get("Projection"));
            return new IndexSpec(String.valueOf(i.get("IndexName")), keys(i.get("KeySchema")),
                    String.valueOf(projection.getOrDefault("ProjectionType", "ALL")),
                    list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList());
        }).toList();
    }

    private static int intOf(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(value);
    }
}

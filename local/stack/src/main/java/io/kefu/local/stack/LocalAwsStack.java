package io.kefu.local.stack;

import io.kefu.capacity.TableShape;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queues and tables of infra-template.yaml on some endpoint, bootstrapped and ready for tests, the local
 * runtime and the CLI.
 *
 * <pre>{@code
 * try (LocalAwsStack stack = LocalAwsStack.startEmbedded()) {     // ElasticMQ + dynalite, ~1-2 s
 *     stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl("TranscriptsQueue")).messageBody("{}"));
 *     String table = stack.tableName("QaScoresTable");            // kefu-dev-qa-scores
 *     Map<String, String> env = stack.functionEnvironment("ScoreTranscriptFunction");
 * }
 * LocalAwsStack stack = LocalAwsStack.shared().withStage("t1");  // one stack per JVM, fresh resources
 * LocalAwsStack aws = LocalAwsStack.builder().region("eu-west-1").profile("dev").connect(); // real account
 * }</pre>
 */
public final class LocalAwsStack implements AutoCloseable {
    public static final String LOCAL_ACCOUNT = "000000000000";
    public static final String DUMMY_KEY = "test";
    private static final AtomicInteger STAGES = new AtomicInteger();
    private static LocalAwsStack shared;

    private final CfnTemplate template;
    private final String region;
    private final URI sqsEndpoint;
    private final URI dynamoDbEndpoint;
    private final AwsCredentialsProvider credentials;
    private final boolean embedded;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final Bootstrapper.Resources resources;
    private final Consumer<String> log;
    /** Owned emulators; null for views ({@link #withStage}) and connected stacks. */
    private final Emulators emulators;
    private final boolean ownsClients;
    private final DynamoDbRules rules;

    /** dynalite is reached only through {@code dynamoDbRules}: DynamoDB's 400 KB UTF-8 item limit, which it lacks. */
    private record Emulators(EmbeddedSqs sqs, DynaliteProcess dynalite, FaultInjectingProxy dynamoDbRules) {
        void close() {
            try {
                dynamoDbRules.close();
                dynalite.close();
            } finally {
                sqs.close();
            }
        }
    }

    private LocalAwsStack(CfnTemplate template, String region, URI sqsEndpoint, URI dynamoDbEndpoint,
                          AwsCredentialsProvider credentials, boolean embedded, Emulators emulators,
                          boolean bootstrap, Consumer<String> log, SqsClient sqs, DynamoDbClient dynamoDb, DynamoDbRules rules) {
        this.template = template;
        this.rules = rules;
        this.region = region;
        this.sqsEndpoint = sqsEndpoint;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.credentials = credentials;
        this.embedded = embedded;
        this.emulators = emulators;
        this.log = log;
        this.ownsClients = sqs == null;
        this.sqs = sqs != null ? sqs : SqsClient.builder().httpClient(http()).region(Region.of(region))
                .credentialsProvider(credentials).applyMutation(b -> {
                    if (sqsEndpoint != null) {
                        b.endpointOverride(sqsEndpoint);
                    }
                }).build();
        this.dynamoDb = dynamoDb != null ? dynamoDb : DynamoDbClient.builder().httpClient(http()).region(Region.of(region))
                .credentialsProvider(credentials).applyMutation(b -> {
                    if (dynamoDbEndpoint != null) {
                        b.endpointOverride(dynamoDbEndpoint);
                    }
                }).build();
        Bootstrapper bootstrapper = new Bootstrapper(this.sqs, this.dynamoDb, embedded, log);
        this.resources = bootstrap ? bootstrapper.bootstrap(template) : bootstrapper.lookup(template);
    }

    /** ElasticMQ + dynalite, bootstrapped from the checkout's infra-template.yaml with its default Stage. */
    public static LocalAwsStack startEmbedded() {
        return builder().startEmbedded();
    }

    /** One embedded stack per JVM, started on first use and closed when the JVM exits. */
    public static synchronized LocalAwsStack shared() {
        if (shared == null) {
            shared = builder().startEmbedded();
            LocalAwsStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "kefu-shared-stack-shutdown"));
        }
        return shared;
    }

    /** The shared stack with resources for a new, unique stage: test isolation without restarting emulators. */
    public static LocalAwsStack isolated() {
        return shared().withStage(uniqueStage());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same endpoints with the template's resources for another stage (bootstrapped now). Closing the view
     * leaves the emulators running.
     */
    public LocalAwsStack withStage(String stage) {
        return new LocalAwsStack(template.withStage(stage), region, sqsEndpoint, dynamoDbEndpoint, credentials, embedded,
                null, true, log, sqs, dynamoDb, rules);
    }

    /**
     * The same endpoints with another template's resources (e.g. a small test template binding a test handler to
     * a queue), bootstrapped now for {@code stage}.
     */
    public LocalAwsStack withTemplate(Path templateFile, String stage) {
        return new LocalAwsStack(CfnTemplate.load(templateFile).withStage(stage), region, sqsEndpoint, dynamoDbEndpoint,
                credentials, embedded, null, true, log, sqs, dynamoDb, rules);
    }

    /** A fresh unique stage name, for {@link #withStage} and {@link #withTemplate}. */
    public static String uniqueStage() {
        return "t" + STAGES.incrementAndGet() + "x" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    }

    public CfnTemplate template() {
        return template;
    }

    public String stage() {
        return template.stage();
    }

    public String region() {
        return region;
    }

    public boolean embedded() {
        return embedded;
    }

    /** null when talking to the SDK's default endpoint (a real account). */
    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public Bootstrapper.Resources resources() {
        return resources;
    }

    /** The pid of the dynalite node process this stack owns, if it owns one. */
    public OptionalLong dynalitePid() {
        return emulators == null ? OptionalLong.empty() : OptionalLong.of(emulators.dynalite().pid());
    }

    /**
     * DynamoDB's rules in front of this stack's dynalite (null for stacks that do not own one), e.g. to attach a
     * {@link DynamoDbMeter}. Views ({@link #withStage}) share their parent's.
     */
    public DynamoDbRules dynamoDbRules() {
        return rules;
    }

    /** The key schema and indexes of this stack's tables, by table name, as DynamoDB's capacity rules need them. */
    public Map<String, TableShape> tableShapes() {
        Map<String, TableShape> out = new LinkedHashMap<>();
        for (Specs.TableSpec t : template.tables()) {
            out.put(t.name(), new TableShape(t.name(),
                    t.keySchema().stream().map(Specs.KeyPart::attributeName).toList(),
                    t.globalSecondaryIndexes().stream().map(i -> new TableShape.Index(i.name(),
                            i.keySchema().stream().map(Specs.KeyPart::attributeName).toList(),
                            TableShape.Projection.valueOf(i.projectionType()),
                            i.nonKeyAttributes() == null ? Set.of() : Set.copyOf(i.nonKeyAttributes()))).toList()));
        }
        return out;
    }

    public String queueUrl(String logicalId) {
        return known(resources.queueUrls(), logicalId, "queue");
    }

    public String queueArn(String logicalId) {
        return known(resources.queueArns(), logicalId, "queue");
    }

    public String tableName(String logicalId) {
        return known(resources.tableNames(), logicalId, "table");
    }

    public String tableArn(String logicalId) {
        return known(resources.tableArns(), logicalId, "table");
    }

    /** Endpoints, region and credentials as the SDK's environment variables (what Lambda would provide). */
    public Map<String, String> awsEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        if (sqsEndpoint != null) {
            env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        }
        if (dynamoDbEndpoint != null) {
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
        }
        AwsCredentials resolved = credentials.resolveCredentials();
        env.put("AWS_ACCESS_KEY_ID", resolved.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", resolved.secretAccessKey());
        if (resolved instanceof AwsSessionCredentials session) {
            env.put("AWS_SESSION_TOKEN", session.sessionToken());
        }
        return env;
    }

    /**
     * A function's environment as Lambda would set it: the template's {@code Environment.Variables} (Globals
     * included) with {@code !Ref}/{@code !GetAtt}/{@code !Sub} resolved to this stack's queue URLs, table names
     * and ARNs, plus {@link #awsEnvironment()} and the Lambda function name and memory size.
     */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        Specs.FunctionSpec function = template.function(functionLogicalId);
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> env.put(name, resolve(value)));
        env.putAll(awsEnvironment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        return env;
    }

    /** Resolves a template value (possibly an intrinsic) against this stack's resources. */
    public String resolve(Object value) {
        return template.resolve(value, this::ref, this::getAtt);
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> accountFromArns();
            case "AWS::Partition" -> "aws";
            case "AWS::StackName" -> "kefu-" + stage();
            default -> {
                if (resources.queueUrls().containsKey(name)) {
                    yield resources.queueUrls().get(name);
                }
                if (resources.tableNames().containsKey(name)) {
                    yield resources.tableNames().get(name);
                }
                String type = template.resourceTypes().get(name);
                if ("AWS::Serverless::Function".equals(type)) {
                    yield template.function(name).functionName();
                }
                if (type != null && (type.startsWith("AWS::Cognito::") || type.equals("AWS::Serverless::HttpApi"))) {
                    // Played by the local runtime (the console's sign-in and API Gateway): a stable local id.
                    yield "local-" + name;
                }
                throw new IllegalArgumentException("cannot resolve !Ref " + name + " locally (type " + type + ")");
            }
        };
    }

    private String getAtt(String resource, String attribute) {
        if (resources.queueUrls().containsKey(resource)) {
            return switch (attribute) {
                case "Arn" -> queueArn(resource);
                case "QueueUrl" -> queueUrl(resource);
                case "QueueName" -> template.queue(resource).name();
                default -> throw new IllegalArgumentException("unsupported !GetAtt " + resource + "." + attribute);
            };
        }
        if (resources.tableNames().containsKey(resource) && attribute.equals("Arn")) {
            return tableArn(resource);
        }
        if ("AWS::Serverless::Function".equals(template.resourceTypes().get(resource)) && attribute.equals("Arn")) {
            return "arn:aws:lambda:" + region + ":" + accountFromArns() + ":function:" + template.function(resource).functionName();
        }
        throw new IllegalArgumentException("cannot resolve !GetAtt " + resource + "." + attribute + " locally");
    }

    private String accountFromArns() {
        return resources.queueArns().values().stream().findFirst().map(arn -> arn.split(":")[4]).orElse(LOCAL_ACCOUNT);
    }

    /**
     * Empties every queue and table of this stage (between tests). Purges via receive+delete where PurgeQueue's
     * once-a-minute limit applies (not on the embedded stack).
     */
    public void reset() {
        for (String url : resources.queueUrls().values()) {
            if (embedded) {
                sqs.purgeQueue(b -> b.queueUrl(url));
            } else {
                while (true) {
                    var messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                            .visibilityTimeout(30)).messages();
                    if (messages.isEmpty()) {
                        break;
                    }
                    messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
                }
            }
        }
        for (Specs.TableSpec table : template.tables()) {
            clearTable(table);
        }
    }

    private void clearTable(Specs.TableSpec table) {
        List<String> keys = table.keySchema().stream().map(Specs.KeyPart::attributeName).toList();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(b -> b.tableName(table.name()).exclusiveStartKey(from)
                    .projectionExpression(String.join(",", keys.stream().map(k -> "#" + k).toList()))
                    .expressionAttributeNames(keys.stream().collect(java.util.stream.Collectors.toMap(k -> "#" + k, k -> k))));
            List<WriteRequest> deletes = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(new HashMap<>(item))).build());
            }
            for (int i = 0; i < deletes.size(); i += 25) {
                List<WriteRequest> chunk = deletes.subList(i, Math.min(i + 25, deletes.size()));
                Map<String, List<WriteRequest>> pending = Map.of(table.name(), chunk);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public void close() {
        try {
            if (ownsClients) {
                sqs.close();
                dynamoDb.close();
            }
        } finally {
            if (emulators != null) {
                emulators.close();
            }
        }
    }

    private static String known(Map<String, String> byId, String logicalId, String kind) {
        String value = byId.get(logicalId);
        if (value == null) {
            throw new IllegalArgumentException("no " + kind + " " + logicalId + " in the template (known: " + byId.keySet() + ")");
        }
        return value;
    }

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30)).build();
    }

    /** Options for {@link #startEmbedded()} and {@link #connect()}. */
    public static final class Builder {
        private Path template;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private String region;
        private URI sqsEndpoint;
        private URI dynamoDbEndpoint;
        private String profile;
        private boolean bootstrap = true;
        private Consumer<String> log = message -> System.err.println("[kefu-local] " + message);
        private Path dataDir;
        private int sqsPort;
        private int dynamoDbPort;

        private Builder() {}

        /** Defaults to infra-template.yaml at the checkout root. */
        public Builder template(Path template) {
            this.template = template;
            return this;
        }

        public Builder stage(String stage) {
            return parameter("Stage", stage);
        }

        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** One endpoint for both services (LocalStack). */
        public Builder endpoint(URI endpoint) {
            this.sqsEndpoint = endpoint;
            this.dynamoDbEndpoint = endpoint;
            return this;
        }

        public Builder sqsEndpoint(URI endpoint) {
            this.sqsEndpoint = endpoint;
            return this;
        }

        public Builder dynamoDbEndpoint(URI endpoint) {
            this.dynamoDbEndpoint = endpoint;
            return this;
        }

        /** A named AWS profile (real accounts); otherwise the default credential chain, or dummy ones locally. */
        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** Whether to create the template's resources (default true); false only looks them up. */
        public Builder bootstrap(boolean bootstrap) {
            this.bootstrap = bootstrap;
            return this;
        }

        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log);
            return this;
        }

        /**
         * Keeps the embedded emulators' state under {@code dataDir} ({@code sqs/}: ElasticMQ's H2 store of queues
         * and messages; {@code dynamodb/}: dynalite's LevelDB) on fixed ports, so a restart, even after kill -9,
         * finds every queue, message and item again. Without it (the default, and {@link #isolated()}) both are
         * in memory on free ports.
         */
        public Builder persistent(Path dataDir, int sqsPort, int dynamoDbPort) {
            this.dataDir = Objects.requireNonNull(dataDir);
            this.sqsPort = sqsPort;
            this.dynamoDbPort = dynamoDbPort;
            return this;
        }

        public LocalAwsStack startEmbedded() {
            CfnTemplate parsed = parsedTemplate();
            String effectiveRegion = region != null ? region : "us-east-1";
            long started = System.nanoTime();
            EmbeddedSqs elasticMq = dataDir == null ? EmbeddedSqs.start(effectiveRegion)
                    : EmbeddedSqs.startPersistent(effectiveRegion, sqsPort, dataDir.resolve("sqs"), log);
            DynaliteProcess dynalite;
            try {
                dynalite = dataDir == null ? DynaliteProcess.start(RepoRoot.find(), log)
                        : DynaliteProcess.startPersistent(RepoRoot.find(), dynamoDbPort, dataDir.resolve("dynamodb"), log);
            } catch (RuntimeException e) {
                elasticMq.close();
                throw e;
            }
            FaultInjectingProxy rules = FaultInjectingProxy.inFrontOf(dynalite.endpoint())
                    .enforcing(new DynamoDbRules(dynalite.endpoint(), effectiveRegion));
            Emulators emulators = new Emulators(elasticMq, dynalite, rules);
            try {
                LocalAwsStack stack = new LocalAwsStack(parsed, effectiveRegion, elasticMq.endpoint(), rules.endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_KEY, DUMMY_KEY)), true, emulators,
                        bootstrap, log, null, null, rules.dynamoDbRules());
                log.accept(String.format("embedded stack up in %d ms: sqs %s, dynamodb %s (dynalite pid %d)",
                        (System.nanoTime() - started) / 1_000_000, elasticMq.endpoint(), rules.endpoint(), dynalite.pid()));
                return stack;
            } catch (RuntimeException e) {
                emulators.close();
                throw e;
            }
        }

        /** LocalStack (give {@link #endpoint}) or a real account (give region/profile), bootstrapped unless told not to. */
        public LocalAwsStack connect() {
            String effectiveRegion = region != null ? region
                    : System.getenv().getOrDefault("AWS_REGION", System.getenv().getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
            AwsCredentialsProvider provider;
            if (profile != null) {
                provider = ProfileCredentialsProvider.create(profile);
            } else if ((sqsEndpoint != null || dynamoDbEndpoint != null) && System.getenv("AWS_ACCESS_KEY_ID") == null) {
                provider = StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_KEY, DUMMY_KEY));
            } else {
                provider = DefaultCredentialsProvider.builder().build();
            }
            return new LocalAwsStack(parsedTemplate(), effectiveRegion, sqsEndpoint, dynamoDbEndpoint, provider, false, null,
                    bootstrap, log, null, null, null);
        }

        private CfnTemplate parsedTemplate() {
            return CfnTemplate.load(template != null ? template : RepoRoot.template()).withParameters(parameters);
        }
    }
}

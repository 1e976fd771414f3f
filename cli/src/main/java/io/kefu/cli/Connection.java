package io.kefu.cli;

import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.RepoRoot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Where every `kefu` command talks to: --endpoint (LocalStack), --sqs-endpoint, --dynamodb-endpoint,
 * --region, --profile (a real account), --stage; without any, the stack `kefu up` recorded in
 * .kefu/local.json. One class for all commands (local/runtime's and `kefu qa`), so the flags mean the same
 * everywhere.
 */
public final class Connection {
    @Option(names = "--endpoint", description = "One endpoint for SQS and DynamoDB (LocalStack: http://localhost:4566).")
    URI endpoint;

    @Option(names = "--sqs-endpoint", description = "SQS endpoint override.")
    URI sqsEndpoint;

    @Option(names = "--dynamodb-endpoint", description = "DynamoDB endpoint override.")
    URI dynamoDbEndpoint;

    @Option(names = "--region", description = "AWS region (default: AWS_REGION or us-east-1).")
    String region;

    @Option(names = "--profile", description = "Named AWS profile for a real account.")
    String profile;

    @Option(names = "--stage", description = "The template's Stage parameter (default: its Default, dev).")
    String stage;

    /**
     * Where `kefu up` records the running stack's endpoints for the other commands: .kefu/local.json, or
     * {@code KEFU_STATE_FILE} (a second stack beside the usual one, tests).
     */
    public static Path stateFile() {
        String override = System.getenv("KEFU_STATE_FILE");
        return override != null && !override.isBlank() ? Path.of(override) : RepoRoot.find().resolve(".kefu/local.json");
    }

    /** True when a flag names an endpoint, region or profile (anything but the recorded local stack). */
    public boolean remote() {
        return endpoint != null || sqsEndpoint != null || dynamoDbEndpoint != null || region != null || profile != null;
    }

    /** A stack builder set up from the flags alone. */
    public LocalAwsStack.Builder builder() {
        LocalAwsStack.Builder builder = LocalAwsStack.builder().log(m -> System.err.println("[kefu] " + m));
        if (endpoint != null) {
            builder.endpoint(endpoint);
        }
        if (sqsEndpoint != null) {
            builder.sqsEndpoint(sqsEndpoint);
        }
        if (dynamoDbEndpoint != null) {
            builder.dynamoDbEndpoint(dynamoDbEndpoint);
        }
        if (region != null) {
            builder.region(region);
        }
        if (profile != null) {
            builder.profile(profile);
        }
        if (stage != null) {
            builder.stage(stage);
        }
        return builder;
    }

    /** Looks the template's resources up without creating anything (QA commands only read and review). */
    public LocalAwsStack connect() throws Exception {
        return connect(false);
    }

    /** Connects to what the flags say, or else to the stack `kefu up` recorded; creates resources if asked. */
    public LocalAwsStack connect(boolean bootstrap) throws Exception {
        if (remote()) {
            return builder().bootstrap(bootstrap).connect();
        }
        Path recorded = stateFile();
        if (!Files.isRegularFile(recorded)) {
            throw new IllegalStateException("no endpoint given and no running `kefu up` (" + recorded + " missing)");
        }
        String json = Files.readString(recorded);
        URI sqs = URI.create(field(json, "sqsEndpoint", recorded));
        URI dynamoDb = URI.create(field(json, "dynamoDbEndpoint", recorded));
        for (URI endpoint : new URI[] {sqs, dynamoDb}) {
            if (!listening(endpoint)) {
                throw new StackNotRunning("the local stack recorded in " + recorded + " is not running (nothing"
                        + " answers at " + endpoint + "): start it with ./kefu up, or give --endpoint");
            }
        }
        LocalAwsStack.Builder b = builder()
                .sqsEndpoint(sqs)
                .dynamoDbEndpoint(dynamoDb)
                .region(field(json, "region", recorded));
        if (stage == null) {
            b.stage(field(json, "stage", recorded));
        }
        return b.bootstrap(bootstrap).connect();
    }

    /** `kefu up` recorded a stack that has gone (stopped, crashed, machine restarted): a one-line error. */
    public static final class StackNotRunning extends RuntimeException {
        public StackNotRunning(String message) {
            super(message);
        }
    }

    private static boolean listening(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static String field(String json, String name, Path file) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + file);
        }
        return m.group(1);
    }
}

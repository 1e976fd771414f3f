package io.kefu.local.cli;

import io.kefu.local.stack.LocalAwsStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Where the CLI talks to: the running {@code kefu up} stack, LocalStack, or a real account. */
final class ConnectionOptions {
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

    boolean remote() {
        return endpoint != null || sqsEndpoint != null || dynamoDbEndpoint != null || region != null || profile != null;
    }

    LocalAwsStack.Builder builder() {
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

    /** Connects to what the flags say, or else to the stack `kefu up` recorded in .kefu/local.json. */
    LocalAwsStack connect(boolean bootstrap) throws Exception {
        if (!remote()) {
            Path recorded = UpCommand.stateFile();
            if (!Files.isRegularFile(recorded)) {
                throw new IllegalStateException("no endpoint given and no running `kefu up` (" + recorded + " missing)");
            }
            String json = Files.readString(recorded);
            LocalAwsStack.Builder b = builder().sqsEndpoint(URI.create(field(json, "sqsEndpoint")))
                    .dynamoDbEndpoint(URI.create(field(json, "dynamoDbEndpoint"))).region(field(json, "region"));
            if (stage == null) {
                b.stage(field(json, "stage"));
            }
            return b.bootstrap(bootstrap).connect();
        }
        return builder().bootstrap(bootstrap).connect();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + UpCommand.stateFile());
        }
        return m.group(1);
    }
}

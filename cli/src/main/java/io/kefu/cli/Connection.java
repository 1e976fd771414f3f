package io.kefu.cli;

import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.RepoRoot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The same connection flags as the rest of `kefu` (--endpoint, --sqs-endpoint, --dynamodb-endpoint,
 * --region, --profile, --stage); without any, the stack `kefu up` recorded in .kefu/local.json.
 * (local/runtime's ConnectionOptions is package-private there; kefu-cli cannot depend on local/runtime,
 * which depends on it to offer `kefu qa`.)
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

    boolean remote() {
        return endpoint != null || sqsEndpoint != null || dynamoDbEndpoint != null || region != null || profile != null;
    }

    /** Looks the template's resources up (never creates them: QA commands only read and review). */
    public LocalAwsStack connect() throws Exception {
        LocalAwsStack.Builder b = LocalAwsStack.builder().log(m -> System.err.println("[kefu] " + m)).bootstrap(false);
        if (!remote()) {
            Path recorded = RepoRoot.find().resolve(".kefu/local.json");
            if (!Files.isRegularFile(recorded)) {
                throw new IllegalStateException("no endpoint given and no running `kefu up` (" + recorded + " missing)");
            }
            String json = Files.readString(recorded);
            b.sqsEndpoint(URI.create(field(json, "sqsEndpoint", recorded)))
                    .dynamoDbEndpoint(URI.create(field(json, "dynamoDbEndpoint", recorded)))
                    .region(field(json, "region", recorded));
            b.stage(stage != null ? stage : field(json, "stage", recorded));
            return b.connect();
        }
        if (endpoint != null) {
            b.endpoint(endpoint);
        }
        if (sqsEndpoint != null) {
            b.sqsEndpoint(sqsEndpoint);
        }
        if (dynamoDbEndpoint != null) {
            b.dynamoDbEndpoint(dynamoDbEndpoint);
        }
        if (region != null) {
            b.region(region);
        }
        if (profile != null) {
            b.profile(profile);
        }
        if (stage != null) {
            b.stage(stage);
        }
        return b.connect();
    }

    private static String field(String json, String name, Path file) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + file);
        }
        return m.group(1);
    }
}

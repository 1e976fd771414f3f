package io.kefu.shared.aws;

import io.kefu.shared.runtime.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds SDK clients from an {@link Environment}, once per container (handlers keep them in fields).
 *
 * <p>Endpoints follow the SDK's own variable names ({@code AWS_ENDPOINT_URL_DYNAMODB},
 * {@code AWS_ENDPOINT_URL_SQS}, {@code AWS_ENDPOINT_URL}) so the local stack, LocalStack and a real
 * account differ only in configuration. Credentials come from the environment map when present
 * (Lambda sets them; the local runtime passes dummy ones) and otherwise from the default chain
 * (profiles, SSO) for the CLI against a real account.
 */
public final class AwsClients {
    private AwsClients() {}

    public static DynamoDbClient dynamoDb(Environment env) {
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient())
                .region(region(env))
                .credentialsProvider(credentials(env))
                .overrideConfiguration(overrides().toBuilder().addExecutionInterceptor(new ItemSizeGuard()).build());
        endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SqsClient sqs(Environment env) {
        var builder = SqsClient.builder()
                .httpClient(httpClient())
                .region(region(env))
                .credentialsProvider(credentials(env))
                .overrideConfiguration(overrides());
        endpoint(env, "AWS_ENDPOINT_URL_SQS").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * A priming step ({@link io.kefu.shared.runtime.Priming}): GetItem of a key no item has (every table here
     * is keyed pk/sk), which runs the whole request path (endpoint rules, marshalling, signing, HTTP,
     * unmarshalling) without reading or writing data.
     */
    public static Runnable primingRead(DynamoDbClient dynamo, String table) {
        AttributeValue none = AttributeValue.fromS("kefu#priming");
        return () -> dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", none, "sk", none)));
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(25))
                .build();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(25))
                .build();
    }

    private static Region region(Environment env) {
        return Region.of(env.optional("AWS_REGION").or(() -> env.optional("AWS_DEFAULT_REGION")).orElse("us-east-1"));
    }

    private static Optional<URI> endpoint(Environment env, String serviceVariable) {
        return env.optional(serviceVariable).or(() -> env.optional("AWS_ENDPOINT_URL")).map(URI::create);
    }

    private static AwsCredentialsProvider credentials(Environment env) {
        Optional<String> key = env.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.optional("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent()) {
            Optional<String> token = env.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(key.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}

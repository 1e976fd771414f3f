package io.kefu.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalAwsStackTest {

    @Test
    void functionEnvironmentResolvesRefsToThisStacksQueuesTablesAndEndpoints() {
        LocalAwsStack stack = LocalAwsStack.isolated();
        Map<String, String> env = stack.functionEnvironment("ScoreTranscriptFunction");
        assertThat(env)
                .containsEntry("QA_SCORES_TABLE", "kefu-" + stack.stage() + "-qa-scores")
                .containsEntry("FOLLOW_UPS_QUEUE_URL", stack.queueUrl("FollowUpsQueue"))
                .containsEntry("DEAD_LETTER_QUEUE_URL", stack.queueUrl("TranscriptsDlq"))
                .containsEntry("STAGE", stack.stage())
                .containsEntry("AWS_ENDPOINT_URL_SQS", stack.sqsEndpoint().toString())
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString())
                .containsEntry("AWS_REGION", "us-east-1")
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        assertThat(env.get("FOLLOW_UPS_QUEUE_URL")).startsWith(stack.sqsEndpoint().toString()).endsWith("follow-ups");
    }

    @Test
    void closeStopsDynaliteAndLeavesNoNodeProcessBehind() {
        long pid;
        try (LocalAwsStack stack = LocalAwsStack.startEmbedded()) {
            pid = stack.dynalitePid().orElseThrow();
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            stack.dynamoDb().putItem(b -> b.tableName(stack.tableName("RulebooksTable"))
                    .item(Map.of("pk", AttributeValue.fromS("r"), "sk", AttributeValue.fromS("v1"))));
            assertThat(stack.dynamoDb().getItem(b -> b.tableName(stack.tableName("RulebooksTable"))
                    .key(Map.of("pk", AttributeValue.fromS("r"), "sk", AttributeValue.fromS("v1")))).hasItem()).isTrue();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("kefu-dynalite.js"))
                .filter(p -> p.pid() != sharedPid())
                .toList()).isEmpty();
    }

    private static long sharedPid() {
        return LocalAwsStack.shared().dynalitePid().orElse(-1);
    }
}

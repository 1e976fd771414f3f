package io.kefu.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.Specs.FunctionSpec;
import org.junit.jupiter.api.Test;

class CfnTemplateTest {
    private final CfnTemplate template = CfnTemplate.load(RepoRoot.template());

    @Test
    void resolvesSubNamesWithTheStageDefaultOrOverride() {
        assertThat(template.queue("TranscriptsQueue").name()).isEqualTo("kefu-dev-transcripts");
        assertThat(template.withStage("qa7").table("QaScoresTable").name()).isEqualTo("kefu-qa7-qa-scores");
    }

    @Test
    void readsRedriveFromGetAttOfTheDeadLetterQueue() {
        var redrive = template.queue("TranscriptsQueue").redrive().orElseThrow();
        assertThat(redrive.deadLetterQueueLogicalId()).isEqualTo("TranscriptsDlq");
        assertThat(redrive.maxReceiveCount()).isEqualTo(5);
    }

    @Test
    void readsFunctionsWithGlobalsTriggersAndHandlerClass() {
        FunctionSpec score = template.function("ScoreTranscriptFunction");
        assertThat(score.handlerClass()).isEqualTo("io.kefu.functions.score.ScoreTranscriptHandler");
        assertThat(score.environment()).containsKeys("STAGE", "QA_SCORES_TABLE", "JAVA_TOOL_OPTIONS");
        assertThat(score.environment().get("QA_SCORES_TABLE")).isEqualTo(new Intrinsic.Ref("QaScoresTable"));
        assertThat(score.sqsTriggers()).singleElement().satisfies(t -> {
            assertThat(t.queueLogicalId()).isEqualTo("TranscriptsQueue");
            assertThat(t.batchSize()).isEqualTo(10);
            assertThat(t.reportBatchItemFailures()).isTrue();
        });
        assertThat(template.function("DispatchDueSurveysFunction").schedules()).singleElement()
                .satisfies(s -> assertThat(s.expression()).isEqualTo("rate(1 minute)"));
        assertThat(template.function("SweepStalledShipmentsFunction").timeoutSeconds()).isEqualTo(120);
    }

    @Test
    void choosesTheBranchOfFnIfThatTheParametersSelect() {
        assertThat(template.queue("TranscriptsQueue").attributes()).containsEntry("SqsManagedSseEnabled", "true");
        CfnTemplate withKey = template.withParameters(
                java.util.Map.of("KmsKeyArn", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        assertThat(withKey.condition("HasKmsKey")).isTrue();
        assertThat(withKey.queue("TranscriptsQueue").attributes()).doesNotContainKey("SqsManagedSseEnabled");
        assertThat(template.condition("HasKmsKey")).isFalse();
        assertThat(template.condition("CreateAlarmTopic")).isTrue();
        assertThat(template.withParameters(java.util.Map.of("OperatorPrincipal", "arn:aws:iam::111122223333:role/ops"))
                .condition("HasChatSystemOrOperator")).isTrue();
        assertThat(template.condition("HasChatSystemOrOperator")).isFalse();
    }
}

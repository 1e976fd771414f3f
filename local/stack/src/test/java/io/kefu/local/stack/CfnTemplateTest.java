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
}

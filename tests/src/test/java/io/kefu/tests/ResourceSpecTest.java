package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.tests.template.ResourceSpec;
import io.kefu.tests.template.TemplateJson;
import org.junit.jupiter.api.Test;

/**
 * Every non-SAM resource of infra-template.yaml against the CloudFormation resource specification (vendored
 * subset of @aws-cdk/aws-service-spec): no unknown property, no required one missing, values of the declared
 * shape, and every Fn::GetAtt names an attribute the resource type has.
 */
class ResourceSpecTest {
    private final ResourceSpec spec = ResourceSpec.vendored();

    @Test
    void everyResourceMatchesTheResourceSpecification() {
        assertThat(spec.problems(TemplateJson.load())).isEmpty();
    }

    @Test
    void anUnknownPropertyIsAnError() {
        ObjectNode bad = TemplateJson.mutated(t -> TemplateJson.properties(t, "QaScoresTable").put("DeletionProtection", true));
        assertThat(spec.problems(bad)).containsExactly("QaScoresTable.Properties.DeletionProtection: unknown property");
    }

    @Test
    void anUnknownNestedPropertyIsAnError() {
        ObjectNode bad = TemplateJson.mutated(t -> ((ObjectNode) TemplateJson.properties(t, "QaScoresTable")
                .path("SSESpecification")).put("KmsKeyId", "x"));
        assertThat(spec.problems(bad)).containsExactly("QaScoresTable.Properties.SSESpecification.KmsKeyId: unknown property");
    }

    @Test
    void aMissingRequiredPropertyIsAnError() {
        ObjectNode bad = TemplateJson.mutated(t -> TemplateJson.properties(t, "TranscriptsQueuePolicy").remove("Queues"));
        assertThat(spec.problems(bad)).containsExactly("TranscriptsQueuePolicy.Properties.Queues: required property missing");
    }

    @Test
    void aGetAttOfAnAttributeTheTypeDoesNotHaveIsAnError() {
        ObjectNode bad = TemplateJson.mutated(t -> ((ObjectNode) TemplateJson.properties(t, "TranscriptsDlqAlarm")
                .path("Dimensions").get(0)).set("Value", TemplateJson.MAPPER.createObjectNode()
                        .set("Fn::GetAtt", TemplateJson.MAPPER.createArrayNode().add("TranscriptsDlq").add("Name"))));
        assertThat(spec.problems(bad)).containsExactly("GetAtt TranscriptsDlq.Name: AWS::SQS::Queue has no attribute Name");
    }

    @Test
    void aValueOfTheWrongShapeIsAnError() {
        ObjectNode bad = TemplateJson.mutated(t -> TemplateJson.properties(t, "ScoreTranscriptErrorsAlarm")
                .put("EvaluationPeriods", "one"));
        assertThat(spec.problems(bad)).containsExactly("ScoreTranscriptErrorsAlarm.Properties.EvaluationPeriods: expected a number, got \"one\"");
    }

    @Test
    void aResourceTypeOutsideTheVendoredSpecIsNamed() {
        ObjectNode bad = TemplateJson.mutated(t -> ((ObjectNode) t.path("Resources")).set("Bucket",
                TemplateJson.MAPPER.createObjectNode().put("Type", "AWS::S3::Bucket")));
        assertThat(spec.problems(bad)).singleElement().asString().contains("AWS::S3::Bucket is not in the vendored spec");
    }

    @Test
    void aRefToNothingAnUndeclaredConditionAndAnUnknownResourceKeyAreErrors() {
        ObjectNode typo = TemplateJson.mutated(t -> TemplateJson.properties(t, "TranscriptsQueue")
                .set("KmsMasterKeyId", TemplateJson.MAPPER.createObjectNode().put("Ref", "KmsKeyARN")));
        assertThat(spec.problems(typo)).containsExactly("Ref KmsKeyARN: no such parameter or resource");
        ObjectNode sub = TemplateJson.mutated(t -> TemplateJson.properties(t, "TranscriptsQueue")
                .set("QueueName", TemplateJson.MAPPER.createObjectNode().put("Fn::Sub", "kefu-${Stag}-transcripts")));
        assertThat(spec.problems(sub)).containsExactly("Sub ${Stag}: no such parameter or resource");
        ObjectNode condition = TemplateJson.mutated(t -> TemplateJson.resource(t, "AlarmTopic").put("Condition", "MakeTopic"));
        assertThat(spec.problems(condition)).containsExactly("AlarmTopic: Condition MakeTopic is not declared");
        ObjectNode key = TemplateJson.mutated(t -> TemplateJson.resource(t, "SurveysTable").put("DeletionPolicies", "Retain"));
        assertThat(spec.problems(key)).containsExactly("SurveysTable.DeletionPolicies: not a resource attribute");
    }
}

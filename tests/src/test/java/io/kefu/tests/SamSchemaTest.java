package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kefu.tests.template.TemplateJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * infra-template.yaml against AWS's own SAM JSON schema (vendored, tests/src/test/resources/aws-specs/), the
 * schema `sam validate` and the SAM translator use: Globals and every AWS::Serverless::* resource, unknown
 * properties included. Validator: com.networknt:json-schema-validator (draft-04, as the schema declares).
 */
class SamSchemaTest {
    private static final Schema SAM = load();

    static List<String> problems(JsonNode template) {
        return SAM.validate(template).stream().map(Error::toString).toList();
    }

    @Test
    void theTemplateMatchesTheSamSchema() {
        assertThat(problems(TemplateJson.load())).isEmpty();
    }

    @Test
    void anUnknownFunctionPropertyFailsTheSchema() {
        ObjectNode bad = TemplateJson.mutated(t -> TemplateJson.properties(t, "ScoreTranscriptFunction").put("Timout", 30));
        assertThat(problems(bad)).anyMatch(p -> p.contains("Timout"));
    }

    @Test
    void anUnknownEventPropertyFailsTheSchema() {
        ObjectNode bad = TemplateJson.mutated(t -> ((ObjectNode) TemplateJson.properties(t, "ScoreTranscriptFunction")
                .path("Events").path("Transcripts").path("Properties")).put("BatchSiz", 10));
        assertThat(problems(bad)).anyMatch(p -> p.contains("BatchSiz"));
    }

    @Test
    void anUnknownGlobalsPropertyFailsTheSchema() {
        ObjectNode bad = TemplateJson.mutated(t -> ((ObjectNode) t.path("Globals").path("Function")).put("Rol", "x"));
        assertThat(problems(bad)).anyMatch(p -> p.contains("Rol"));
    }

    private static Schema load() {
        try (InputStream in = SamSchemaTest.class.getResourceAsStream("/aws-specs/sam.schema.json")) {
            JsonNode schema = TemplateJson.MAPPER.readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

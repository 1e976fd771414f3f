package io.kefu.cli.qa;

import static io.kefu.cli.qa.QaListAndShowTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.local.stack.RepoRoot;
import io.kefu.shared.aws.qa.DynamoRulebookRepository;
import io.kefu.shared.domain.qa.RulebookLoader;
import java.nio.file.Files;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.junit.jupiter.api.Test;

class QaRescoreTest {
    @Test
    void rescoringWritesNewLinkedScoresAndTheOldOnesStayReadable() throws Exception {
        QaFixture fx = new QaFixture().scoreSamples();
        int packaged = RulebookLoader.defaultRulebook().version();
        String next = String.valueOf(packaged + 1);
        String v2 = Files.readString(RepoRoot.find().resolve("shared/src/main/resources/rulebooks/default.yaml"))
                .replaceFirst("(?m)^version: " + packaged + "$", "version: " + next);
        new DynamoRulebookRepository(fx.stack.dynamoDb(), fx.stack.tableName("RulebooksTable")).publish(v2);
        fx.qa("review", "chat-20261111-0003", "--accept", "--reviewer", "lead-wang");

        QaFixture.Run run = fx.qa("rescore", "--since", "30d", "--rulebook", next, "--teams", "tmall-flagship-cs,global-store-cs");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("rescored 10, already scored with default@" + next + ": 0 (of 10 in range)");
        assertThat(run.err()).contains("rescore default@" + next);                      // the progress bar

        var old = fx.item("chat-20261111-0003", String.format("SCORE#default#%06d", packaged));
        var fresh = fx.item("chat-20261111-0003", String.format("SCORE#default#%06d", packaged + 1));
        assertThat(old.get("supersededBy").s()).isEqualTo(String.format("SCORE#default#%06d", packaged + 1));
        assertThat(old.get("reviewedScore")).isNotNull();                          // the review stays with the old score
        assertThat(old).doesNotContainKey("gsi1pk");
        assertThat(fresh.get("supersedes").s()).isEqualTo(String.format("SCORE#default#%06d", packaged));

        JsonNode shown = json(fx.qa("show", "chat-20261111-0003", "--json"));
        assertThat(shown.get("score").get("rulebookVersion").asInt()).isEqualTo(packaged + 1);
        assertThat(shown.get("versions")).hasSize(2);
        JsonNode byAgent = json(fx.qa("list", "--agent", "agent-013", "--json"));
        byAgent.get("items").forEach(i -> assertThat(i.get("rulebookVersion").asInt()).isEqualTo(packaged + 1));

        QaFixture.Run again = fx.qa("rescore", "--since", "30d", "--rulebook", next, "--teams", "tmall-flagship-cs,global-store-cs");
        assertThat(again.out()).contains("rescored 0");
    }

    @Test
    void aChatGradedByAnotherComplaintModelUnderTheSameVersionIsCountedApartNotReGraded() throws Exception {
        QaFixture fx = new QaFixture().scoreSamples();
        int packaged = RulebookLoader.defaultRulebook().version();
        String sk = String.format("SCORE#default#%06d", packaged);
        String bundled = fx.item("chat-20261111-0003", sk).get("complaintModel").s();
        assertThat(bundled).startsWith("sha256:");
        // a score of the model before a retrain: the same rulebook version, another model
        fx.stack.dynamoDb().updateItem(b -> b.tableName(fx.table).key(Map.of("pk", AttributeValue.fromS("TRANSCRIPT#chat-20261111-0003"),
                "sk", AttributeValue.fromS(sk))).updateExpression("SET complaintModel = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS("sha256:000000000000"))));

        QaFixture.Run run = fx.qa("rescore", "--since", "30d", "--rulebook", String.valueOf(packaged),
                "--teams", "tmall-flagship-cs,global-store-cs");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("rescored 0, already scored with default@" + packaged + ": 10 (of 10 in range)")
                .contains("not re-graded: 1 scored with default@" + packaged + " by another complaint-type model than "
                        + bundled + "; publish the rulebook as a new version");
        assertThat(fx.item("chat-20261111-0003", sk).get("complaintModel").s()).isEqualTo("sha256:000000000000");
    }

    @Test
    void anUnknownRulebookVersionIsAnError() throws Exception {
        QaFixture fx = new QaFixture().scoreSamples();
        QaFixture.Run run = fx.qa("rescore", "--since", "30d", "--rulebook", "9", "--teams", "tmall-flagship-cs");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("default@9 not found");
    }
}

package io.kefu.shared.aws.qa;

import io.kefu.shared.domain.qa.InvalidRulebookException;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rulebooks stored as YAML in the Rulebooks table: pk RULEBOOK#{id}, sk VERSION#{version:06}, attribute
 * yaml. Versions are immutable (conditional put): a changed rulebook is a new version.
 */
public final class DynamoRulebookRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRulebookRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores a rulebook's YAML under the id and version it declares; fails if that version exists. */
    public Rulebook publish(String yaml) {
        Rulebook book = RulebookLoader.fromYaml(yaml);
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                        "pk", AttributeValue.fromS(pk(book.id())),
                        "sk", AttributeValue.fromS(sk(book.version())),
                        "rulebookId", AttributeValue.fromS(book.id()),
                        "version", AttributeValue.fromN(Integer.toString(book.version())),
                        "yaml", AttributeValue.fromS(yaml)))
                .conditionExpression("attribute_not_exists(pk)"));
        return book;
    }

    /** A given version, or the latest when {@code version} is empty. */
    public Rulebook load(String id, Optional<Integer> version) {
        Map<String, AttributeValue> item;
        if (version.isPresent()) {
            item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS(pk(id)), "sk", AttributeValue.fromS(sk(version.get()))))).item();
        } else {
            List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(id)), ":v", AttributeValue.fromS("VERSION#")))
                    .scanIndexForward(false).limit(1)).items();
            item = items.isEmpty() ? null : items.get(0);
        }
        if (item == null || item.isEmpty()) {
            throw new InvalidRulebookException("rulebook " + id + version.map(v -> "@" + v).orElse("") + " not found in " + table);
        }
        Rulebook book = RulebookLoader.fromYaml(item.get("yaml").s());
        if (!book.id().equals(id)) {
            throw new InvalidRulebookException("rulebook stored as " + id + " declares id " + book.id());
        }
        return book;
    }

    private static String pk(String id) {
        return "RULEBOOK#" + id;
    }

    private static String sk(int version) {
        return "VERSION#" + String.format("%06d", version);
    }
}

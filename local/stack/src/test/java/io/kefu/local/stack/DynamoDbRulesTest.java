package io.kefu.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.capacity.ItemSize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The embedded stack counts the 400 KB item limit in UTF-8, as DynamoDB does (dynalite alone counts UTF-16 units). */
class DynamoDbRulesTest {
    private final LocalAwsStack stack = LocalAwsStack.isolated();
    private final DynamoDbClient dynamo = stack.dynamoDb();
    private final String table = stack.tableName("RulebooksTable");
    // 140,000 Chinese characters: 140,000 UTF-16 units (under 400 KB for dynalite), 420,000 UTF-8 bytes (over for DynamoDB)
    private final String chinese = "诺".repeat(140_000);

    private static Map<String, AttributeValue> item(String sk, String text) {
        return Map.of("pk", AttributeValue.fromS("size"), "sk", AttributeValue.fromS(sk), "text", AttributeValue.fromS(text));
    }

    @Test
    void aPutOverTheLimitInUtf8IsRefusedAsDynamoDbWordsIt() {
        assertThat(ItemSize.of(item("1", chinese))).isGreaterThan(ItemSize.MAX_ITEM_BYTES);
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("1", chinese))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Item size has exceeded the maximum allowed size");
                });
        assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("2", "small")).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(item("3", chinese)).build()).build())))))
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("2"))).hasItem()).isFalse();   // the whole batch refused
    }

    @Test
    void anUpdateThatGrowsAnItemOverTheLimitIsUndoneAndRefused() {
        dynamo.putItem(b -> b.tableName(table).item(item("4", "before")));
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(key("4"))
                .updateExpression("SET #t = :t").expressionAttributeNames(Map.of("#t", "text"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(chinese)))))
                .hasMessageContaining("Item size to update has exceeded the maximum allowed size");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("4")).consistentRead(true)).item().get("text").s()).isEqualTo("before");
    }

    @Test
    void itemsUnderTheLimitPassUntouched() {
        String under = "诺".repeat(130_000);   // 390,000 bytes
        dynamo.putItem(b -> b.tableName(table).item(item("5", under)));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("5")).consistentRead(true)).item().get("text").s()).isEqualTo(under);
    }

    private static Map<String, AttributeValue> key(String sk) {
        return Map.of("pk", AttributeValue.fromS("size"), "sk", AttributeValue.fromS(sk));
    }
}

package io.kefu.shared.aws;

import io.kefu.capacity.ItemSize;
import io.kefu.shared.json.InvalidMessageException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one place every DynamoDB write is sized before it is sent (installed on every client by {@link AwsClients}):
 * an item over DynamoDB's 400 KB, counted DynamoDB's way ({@link ItemSize}: UTF-8, not UTF-16), is refused here with
 * the table, the size and the largest attributes, as bad input (the message is parked with that reason at once,
 * since a retry would fail the same way), instead of as a ValidationException after five receives. For an UpdateItem
 * only the key and the values it sets can be sized before it runs; DynamoDB (and the local stack) refuses the rest.
 * Adapters that can shrink an item (the score's capped evidence) do so before writing, with the same calculator.
 */
public final class ItemSizeGuard implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put) {
            check(put.tableName(), put.item());
        } else if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().forEach((table, writes) -> writes.stream()
                    .filter(w -> w.putRequest() != null).forEach(w -> check(table, w.putRequest().item())));
        } else if (request instanceof UpdateItemRequest update) {
            Map<String, AttributeValue> set = new java.util.HashMap<>(update.key());
            update.expressionAttributeValues().forEach(set::put);
            check(update.tableName(), set);
        } else if (request instanceof TransactWriteItemsRequest transact) {
            transact.transactItems().stream().filter(t -> t.put() != null).forEach(t -> check(t.put().tableName(), t.put().item()));
        }
    }

    static void check(String table, Map<String, AttributeValue> item) {
        long size = ItemSize.of(item);
        if (size <= ItemSize.MAX_ITEM_BYTES) {
            return;
        }
        List<String> largest = item.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, AttributeValue> e) -> -ItemSize.attribute(e.getKey(), e.getValue())))
                .limit(3).map(e -> e.getKey() + " " + ItemSize.attribute(e.getKey(), e.getValue())).toList();
        throw new InvalidMessageException(largest.get(0).split(" ")[0], String.format(
                "an item for %s would be %,d bytes by DynamoDB's rules, over its limit of %,d (largest attributes: %s)",
                table, size, ItemSize.MAX_ITEM_BYTES, String.join(", ", largest)));
    }
}

package io.kefu.local.cli;

import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What a {@link DemoSection} gets: the stack, the runtime (with its clock), the sample events and the output. */
public record DemoContext(LocalAwsStack stack, LocalLambdaRuntime runtime, Path eventsDir, PrintStream out) {

    /** Sample events for a queue: {@code events/<QueueLogicalId>/*.json}, sorted by name. */
    public List<Path> sampleEvents(String queueLogicalId) throws IOException {
        Path dir = eventsDir.resolve(queueLogicalId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Sends a file's content to a queue of the template; returns the message id. */
    public String send(String queueLogicalId, Path file) throws IOException {
        String body = Files.readString(file);
        return stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl(queueLogicalId)).messageBody(body)).messageId();
    }

    /** Visible + in-flight messages in a queue. */
    public int depth(String queueLogicalId) {
        Map<QueueAttributeName, String> a = stack.sqs().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queueLogicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    public int itemCount(String tableLogicalId) {
        return stack.dynamoDb().scan(b -> b.tableName(stack.tableName(tableLogicalId)).select("COUNT")).count();
    }

    public void line(String format, Object... args) {
        out.println(String.format(format, args));
    }
}

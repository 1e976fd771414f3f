package io.kefu.local.stack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the template declares, as plain records (read by {@link CfnTemplate}). */
public final class Specs {
    private Specs() {}

    /** An {@code AWS::SQS::Queue}; {@code attributes} are SQS attribute names -> values, redrive excluded. */
    public record QueueSpec(String logicalId, String name, Map<String, String> attributes, Optional<Redrive> redrive) {
        public boolean fifo() {
            return "true".equalsIgnoreCase(attributes.getOrDefault("FifoQueue", "false"));
        }
    }

    public record Redrive(String deadLetterQueueLogicalId, int maxReceiveCount) {}

    /** An {@code AWS::DynamoDB::Table}. */
    public record TableSpec(String logicalId, String name, Map<String, String> attributeTypes, List<KeyPart> keySchema,
                            List<IndexSpec> globalSecondaryIndexes, List<IndexSpec> localSecondaryIndexes,
                            Optional<String> ttlAttribute) {}

    public record KeyPart(String attributeName, String keyType) {}

    public record IndexSpec(String name, List<KeyPart> keySchema, String projectionType, List<String> nonKeyAttributes) {}

    /**
     * An {@code AWS::Serverless::Function}, Globals merged in; environment values may still hold intrinsics.
     * {@code policyStatements}: its inline {@code Policies} or those of its explicit {@code Role}.
     */
    public record FunctionSpec(String logicalId, String functionName, String handler, String codeUri,
                               int timeoutSeconds, int memoryMb,
                               Map<String, Object> environment, List<SqsTrigger> sqsTriggers,
                               List<ScheduleTrigger> schedules, List<Map<String, Object>> policyStatements) {
        /** The class part of {@code Handler: a.b.C::method}. */
        public String handlerClass() {
            int sep = handler.indexOf("::");
            return sep < 0 ? handler : handler.substring(0, sep);
        }
    }

    public record SqsTrigger(String eventName, String queueLogicalId, int batchSize, int maximumBatchingWindowSeconds,
                             boolean reportBatchItemFailures, boolean enabled) {}

    public record ScheduleTrigger(String eventName, String expression, boolean enabled) {}
}

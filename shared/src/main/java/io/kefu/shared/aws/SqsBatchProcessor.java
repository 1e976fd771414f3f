package io.kefu.shared.aws;

import io.kefu.shared.effects.MessageMeta;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.effects.Invocation;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.JsonContract;
import io.kefu.shared.privacy.PiiRedactor;
import io.kefu.shared.runtime.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that loops over an SQS batch: decode each body with its contract, run the typed
 * per-message function, and build the partial batch response.
 *
 * <ul>
 *   <li>bad input ({@link InvalidMessageException}) is parked in the DLQ at once and acknowledged;
 *       if parking itself fails, the message is reported failed so the queue's redrive parks it;</li>
 *   <li>any other failure is reported in {@code batchItemFailures} and retried by SQS;</li>
 *   <li>every outcome is one log line with the message id.</li>
 * </ul>
 */
public final class SqsBatchProcessor {
    private final PoisonParking parking;
    private final EventLog log;

    /** {@code log}'s clock is the functions' clock: contract times and leases are judged on it. */
    public SqsBatchProcessor(PoisonParking parking, EventLog log) {
        this.parking = parking;
        this.log = log;
    }

    /** Without a Lambda context (tests): every message gets a full default timeout. */
    public <T> SQSBatchResponse process(SQSEvent event, JsonContract<T> contract, MessageHandler<T> handler) {
        return process(event, null, contract, handler);
    }

    /**
     * {@code context}'s remaining time, taken once when the batch starts, is the deadline of every lease the
     * per-message function claims ({@link MessageMeta#invocation()}).
     */
    public <T> SQSBatchResponse process(SQSEvent event, Context context, JsonContract<T> contract,
                                        MessageHandler<T> handler) {
        Invocation invocation = LambdaInvocation.of(context, log.clock());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            if (!processOne(message, invocation, contract, handler)) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** @return true when the message may be deleted from the queue */
    private <T> boolean processOne(SQSEvent.SQSMessage message, Invocation invocation, JsonContract<T> contract,
                                   MessageHandler<T> handler) {
        MessageMeta meta = new MessageMeta(message.getMessageId(), receiveCount(message), message.getEventSourceArn(),
                invocation);
        try {
            T decoded = contract.decode(message.getBody(), log.clock().instant());
            handler.handle(decoded, meta);
            log.info("message.processed", Map.of("messageId", meta.messageId(), "receiveCount", meta.receiveCount()));
            return true;
        } catch (InvalidMessageException invalid) {
            return park(message, invalid);
        } catch (Exception | LinkageError transientFailure) {
            log.warn("message.failed", Map.of(
                    "messageId", meta.messageId(),
                    "receiveCount", meta.receiveCount(),
                    "error", transientFailure.getClass().getSimpleName(),
                    "detail", String.valueOf(transientFailure.getMessage())));
            return false;
        }
    }

    private boolean park(SQSEvent.SQSMessage message, InvalidMessageException invalid) {
        // a reason may quote the bad value ("'13812345678' is not an ISO-8601 timestamp"): logs get it redacted
        String reason = PiiRedactor.redact(invalid.reason());
        try {
            parking.park(message, invalid);
            log.warn("message.parked", Map.of(
                    "messageId", message.getMessageId(),
                    "field", invalid.field(),
                    "reason", reason));
            return true;
        } catch (Exception parkingFailed) {
            log.error("message.park_failed", Map.of(
                    "messageId", message.getMessageId(),
                    "field", invalid.field(),
                    "reason", reason,
                    "error", String.valueOf(parkingFailed.getMessage())));
            return false;
        }
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        if (attributes == null) {
            return 1;
        }
        try {
            return Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

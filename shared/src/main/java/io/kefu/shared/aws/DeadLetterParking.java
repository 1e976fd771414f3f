package io.kefu.shared.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.UnicodeText;
import io.kefu.shared.privacy.PiiRedactor;
import io.kefu.shared.privacy.RedactedCopy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Parks a bad message in the function's DLQ straight away (instead of waiting for maxReceiveCount
 * redeliveries), with the reason as message attributes so an operator can see why.
 *
 * <p>What is parked is a redacted copy ({@link RedactedCopy}: ids, field names and numbers kept, personal data
 * in text replaced by its token), never the raw body: a DLQ keeps messages for 14 days. The SHA-256 of the raw
 * body is attached, to match the copy with the producer's original. The copy is made sendable whatever came in
 * (characters SQS refuses, such as a lone surrogate, become U+FFFD; cut to fit SQS's size limit), so parking a
 * body cannot fail for its content and the message never cycles into the DLQ without its reason.
 */
public final class DeadLetterParking implements PoisonParking {
    /** SQS's 256 KiB limit counts the body and the attributes; keep room for the attributes. */
    static final int MAX_PARKED_BODY_BYTES = 240 * 1024;

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public DeadLetterParking(SqsClient sqs, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public void park(SQSEvent.SQSMessage message, InvalidMessageException why) {
        String raw = message.getBody();
        String body = raw == null || raw.isEmpty() ? "<empty>" : UnicodeText.sendable(RedactedCopy.of(raw));
        boolean cut = false;
        if (body.length() * 3L > MAX_PARKED_BODY_BYTES && body.getBytes(StandardCharsets.UTF_8).length > MAX_PARKED_BODY_BYTES) {
            body = cut(body);
            cut = true;
        }
        Map<String, MessageAttributeValue> attributes = new java.util.LinkedHashMap<>();
        attributes.put("kefu.error.field", text(why.field()));
        attributes.put("kefu.error.reason", text(truncate(PiiRedactor.redact(why.reason()), 1000)));
        attributes.put("kefu.source.messageId", text(String.valueOf(message.getMessageId())));
        attributes.put("kefu.source.queue", text(String.valueOf(message.getEventSourceArn())));
        attributes.put("kefu.body.redacted", text(cut ? "true; cut to " + MAX_PARKED_BODY_BYTES + " bytes" : "true"));
        if (raw != null) {
            attributes.put("kefu.source.bodySha256", text(sha256(raw)));
        }
        String parked = body;
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(parked).messageAttributes(attributes));
    }

    private static MessageAttributeValue text(String value) {
        String safe = UnicodeText.sendable(value);
        return MessageAttributeValue.builder().dataType("String").stringValue(safe.isEmpty() ? "-" : safe).build();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** The longest prefix within the byte limit that does not end inside a surrogate pair. */
    private static String cut(String body) {
        int bytes = 0;
        int i = 0;
        while (i < body.length()) {
            int cp = body.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_PARKED_BODY_BYTES) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return body.substring(0, i);
    }

    private static String sha256(String raw) {
        try {
            // a lone surrogate encodes as '?': the hash is of the bytes SQS would have delivered
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

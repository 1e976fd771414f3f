package io.kefu.shared.json;

/**
 * Bad input: retrying cannot help. The batch processor parks the message in its DLQ at once, with
 * this field and reason attached, instead of letting it cycle through retries.
 */
public class InvalidMessageException extends RuntimeException {
    private final String field;

    public InvalidMessageException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        String message = getMessage();
        return message.substring(field.length() + 2);
    }
}

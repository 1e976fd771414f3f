package io.kefu.shared.domain.qa;

/** A rulebook that cannot be used: the message names the rule or field. Fails the cold start loudly. */
public class InvalidRulebookException extends RuntimeException {
    public InvalidRulebookException(String message) {
        super(message);
    }

    public InvalidRulebookException(String message, Throwable cause) {
        super(message, cause);
    }
}

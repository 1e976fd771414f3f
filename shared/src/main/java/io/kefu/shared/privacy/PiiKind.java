package io.kefu.shared.privacy;

/** Kinds of personal data the redactor recognises; the token replaces the value in stored text. */
public enum PiiKind {
    MOBILE("[MOBILE]"),
    LANDLINE("[PHONE]"),
    ID_NUMBER("[ID]"),
    BANK_CARD("[CARD]"),
    EMAIL("[EMAIL]"),
    ADDRESS("[ADDRESS]");

    private final String token;

    PiiKind(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}

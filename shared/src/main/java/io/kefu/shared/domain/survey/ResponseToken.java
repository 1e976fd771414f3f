package io.kefu.shared.domain.survey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret in a survey link. 128 random bits (the strength of a session id: unguessable, so an
 * answer cannot be forged for another customer), base64url so it fits one SMS segment with its
 * link. Only its SHA-256 is stored, so a leaked table does not leak working links.
 */
public final class ResponseToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 16;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private ResponseToken() {}

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public static String hash(String token) {
        return SurveyIds.sha256Hex(token);
    }
}

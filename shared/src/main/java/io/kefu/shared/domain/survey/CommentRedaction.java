package io.kefu.shared.domain.survey;

import java.util.regex.Pattern;

/**
 * Minimal PII masking for survey free text until the shared io.kefu.shared.privacy redactor is on
 * main: Chinese mobile numbers, ID card numbers, bank cards, e-mail addresses. Kept private to
 * surveys on purpose so it is easy to swap out.
 */
public final class CommentRedaction {
    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?![\\dXx])");
    private static final Pattern BANK_CARD = Pattern.compile("(?<!\\d)\\d{16,19}(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private CommentRedaction() {}

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = ID_CARD.matcher(text).replaceAll("[ID]");
        out = BANK_CARD.matcher(out).replaceAll("[CARD]");
        out = MOBILE.matcher(out).replaceAll("[PHONE]");
        return EMAIL.matcher(out).replaceAll("[EMAIL]");
    }
}

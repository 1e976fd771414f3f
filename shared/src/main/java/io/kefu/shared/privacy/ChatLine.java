package io.kefu.shared.privacy;

/**
 * One message of a chat for {@link PiiRedactor#findInChat}: who wrote it (any stable key: role, or role and
 * agent id) and the text. Consecutive lines of the same speaker are read together, because people send a
 * number a piece at a time ("138" / "1234" / "5678").
 */
public record ChatLine(String speaker, String text) {}

package io.kefu.shared.domain.care;

import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a case into message text for one customer's locale and channel.
 *
 * <p>Safe by construction: templates come only from the policy file; customer and carrier data are
 * values, substituted in one left-to-right pass from a whitelist of placeholder names, and are never
 * scanned again, so a tracking number containing "{offer}" stays literal text. Values lose control
 * and bidi-format characters and are capped in length; the finished text is fitted to
 * {@link Channel#maxChars()} by cutting at a word or punctuation boundary and adding an ellipsis.
 */
public final class NoticeRenderer {
    static final Set<String> MESSAGE_PLACEHOLDERS = Set.of("orderId", "trackingNo", "carrier", "reason", "eta", "offer");
    static final Set<String> ETA_PLACEHOLDERS = Set.of("date");
    static final Set<String> OFFER_PLACEHOLDERS = Set.of("amount");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final int MAX_VALUE_CHARS = 40;
    private static final String ELLIPSIS = "…";

    private final CarePolicy.Templates templates;

    public NoticeRenderer(CarePolicy.Templates templates) {
        this.templates = templates;
    }

    /** The two locales the policy has texts for; anything not English reads Chinese. */
    public static String locale(CustomerPreferences preferences) {
        return preferences.english() ? "en" : "zh-CN";
    }

    public String notice(CareCase c, String locale, Channel channel, ZoneId zone) {
        Map<String, Map<Channel, String>> byLocale = templates.notices()
                .getOrDefault(c.id().reason().name(), templates.notices().get("default"));
        return render(pick(byLocale, templates.notices().get("default"), locale, channel), c, locale, channel, zone);
    }

    public String recovery(CareCase c, RecoveryKind kind, String locale, Channel channel, ZoneId zone) {
        Map<String, Map<Channel, String>> byLocale = templates.recovery().get(kind.name());
        return render(pick(byLocale, byLocale, locale, channel), c, locale, channel, zone);
    }

    private String render(String template, CareCase c, String locale, Channel channel, ZoneId zone) {
        CarePolicy.Phrases phrases = templates.phrases().get(locale);
        Map<String, String> values = new HashMap<>();
        values.put("orderId", clean(c.id().orderId()));
        values.put("trackingNo", clean(c.trackingNo()));
        values.put("carrier", clean(c.carrier()));
        values.put("reason", phrases.reasons().get(c.id().reason()));
        values.put("eta", etaSentence(c.newEta(), phrases, zone));
        values.put("offer", offerSentence(c, phrases));
        // Phrases end in a space so they join up; a trailing one is not part of the message.
        return fit(substitute(template, values).strip(), channel.maxChars());
    }

    private static String pick(Map<String, Map<Channel, String>> byLocale, Map<String, Map<Channel, String>> fallback,
                               String locale, Channel channel) {
        Map<Channel, String> byChannel = byLocale.get(locale);
        String text = byChannel == null ? null : byChannel.get(channel);
        return text != null ? text : fallback.get(locale).get(channel);
    }

    private static String etaSentence(Instant eta, CarePolicy.Phrases phrases, ZoneId zone) {
        if (eta == null) {
            return "";
        }
        String date = DateTimeFormatter.ofPattern(phrases.dateFormat()).withZone(zone).format(eta);
        return substitute(phrases.eta(), Map.of("date", date));
    }

    private static String offerSentence(CareCase c, CarePolicy.Phrases phrases) {
        StringBuilder out = new StringBuilder();
        boolean awaitingApproval = false;
        for (Offer offer : c.offers()) {
            if (offer.needsApproval()) {
                awaitingApproval = true;
                continue;
            }
            String amount = BigDecimal.valueOf(offer.valueCents(), 2).stripTrailingZeros().toPlainString();
            out.append(substitute(phrases.offers().get(offer.type()), Map.of("amount", amount)));
        }
        if (awaitingApproval && phrases.approvalPending() != null) {
            out.append(phrases.approvalPending());
        }
        return out.toString();
    }

    /** One pass: each {name} in the whitelist is replaced by its value; the value is never re-read. */
    static String substitute(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Strips control and invisible format characters (bidi overrides), collapses whitespace, caps length. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (type != Character.FORMAT && type != Character.PRIVATE_USE && type != Character.UNASSIGNED) {
                out.appendCodePoint(cp);
            }
        });
        return fit(out.toString().strip(), MAX_VALUE_CHARS);
    }

    /** Cuts to at most {@code maxChars} UTF-16 units, at a boundary, never inside a surrogate pair. */
    static String fit(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = maxChars - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        int boundary = lastBoundary(text, cut);
        if (boundary > cut - 15 && boundary > 0) {
            cut = boundary;
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /** Index just after the last space or punctuation before {@code end}, or -1. */
    private static int lastBoundary(String text, int end) {
        for (int i = end - 1; i > 0; i--) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch) || "，。；、！？,.;!?".indexOf(ch) >= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    static void checkPlaceholders(String template, Set<String> allowed, String where) {
        if (template == null) {
            throw new IllegalArgumentException("care policy: " + where + " is missing");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException("care policy: " + where + " uses unknown placeholder {"
                        + m.group(1) + "}, allowed: " + allowed);
            }
        }
    }
}

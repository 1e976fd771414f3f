package io.kefu.shared.domain.care;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kefu.shared.domain.customer.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Reads and checks the care policy. A typo (unknown key, missing template, unknown placeholder)
 * fails at cold start rather than producing a wrong message to a customer later.
 */
public final class CarePolicyLoader {
    public static final String DEFAULT_RESOURCE = "care/care-policy.yaml";
    public static final String[] LOCALES = {"zh-CN", "en"};
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CarePolicyLoader() {}

    /** The policy shipped in the jar. */
    public static CarePolicy loadDefault() {
        return load(DEFAULT_RESOURCE);
    }

    public static CarePolicy load(String classpathResource) {
        try (InputStream in = CarePolicyLoader.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("care policy " + classpathResource + " not on the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CarePolicy parse(byte[] yaml) {
        CarePolicy policy;
        try {
            policy = YAML.readValue(yaml, CarePolicy.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("care policy: " + e.getMessage(), e);
        }
        check(policy);
        return policy;
    }

    private static void check(CarePolicy p) {
        require(p.detection() != null && p.sending() != null && p.offers() != null && p.templates() != null,
                "detection, sending, offers and templates are all required");
        require(p.detection().inTransitShards() > 0, "detection.inTransitShards must be positive");
        require(p.detection().stallHours() > 0, "detection.stallHours must be positive");
        ZoneId.of(p.detection().promiseZone());
        require(p.sending().capWindowHours() >= 0, "sending.capWindowHours must not be negative");
        require(p.offers().vipCouponMultiplier() >= 1, "offers.vipCouponMultiplier must be at least 1");
        for (String locale : LOCALES) {
            CarePolicy.Phrases phrases = p.templates().phrases().get(locale);
            require(phrases != null, "templates.phrases." + locale + " is missing");
            DateTimeFormatter.ofPattern(phrases.dateFormat());
            NoticeRenderer.checkPlaceholders(phrases.eta(), NoticeRenderer.ETA_PLACEHOLDERS, "phrases.eta");
            for (DelayReason reason : DelayReason.values()) {
                require(phrases.reasons().containsKey(reason), "templates.phrases." + locale + ".reasons." + reason + " is missing");
            }
            for (OfferType type : OfferType.values()) {
                String text = phrases.offers().get(type);
                require(text != null, "templates.phrases." + locale + ".offers." + type + " is missing");
                NoticeRenderer.checkPlaceholders(text, NoticeRenderer.OFFER_PLACEHOLDERS, "phrases.offers." + type);
            }
            checkSet(p.templates().notices(), "default", locale, "notices");
            checkSet(p.templates().recovery(), "BACK_ON_TRACK", locale, "recovery");
            checkSet(p.templates().recovery(), "DELIVERED", locale, "recovery");
        }
        p.templates().notices().forEach((reason, byLocale) -> {
            require(reason.equals("default") || isReason(reason), "templates.notices." + reason + " is not a reason");
            byLocale.forEach((locale, byChannel) -> byChannel.forEach((channel, text) ->
                    NoticeRenderer.checkPlaceholders(text, NoticeRenderer.MESSAGE_PLACEHOLDERS,
                            "notices." + reason + "." + locale + "." + channel)));
        });
        p.templates().recovery().forEach((kind, byLocale) -> byLocale.forEach((locale, byChannel) ->
                byChannel.forEach((channel, text) -> NoticeRenderer.checkPlaceholders(text,
                        NoticeRenderer.MESSAGE_PLACEHOLDERS, "recovery." + kind + "." + locale + "." + channel))));
    }

    private static void checkSet(Map<String, Map<String, Map<Channel, String>>> set, String key, String locale, String where) {
        Map<String, Map<Channel, String>> byLocale = set.get(key);
        require(byLocale != null && byLocale.get(locale) != null, "templates." + where + "." + key + "." + locale + " is missing");
        for (Channel channel : Channel.values()) {
            require(byLocale.get(locale).get(channel) != null,
                    "templates." + where + "." + key + "." + locale + "." + channel + " is missing");
        }
    }

    private static boolean isReason(String name) {
        try {
            DelayReason.valueOf(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("care policy: " + message);
        }
    }
}

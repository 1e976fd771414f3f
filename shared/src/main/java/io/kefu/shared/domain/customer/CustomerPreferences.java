package io.kefu.shared.domain.customer;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a customer told us about being contacted. Read by proactive care and by surveys; a
 * customer with no stored preferences gets {@link #defaults(String)}: reachable, app push,
 * zh-CN, China time, quiet 22:00-08:00.
 */
public record CustomerPreferences(
        String customerId,
        Channel channel,
        String locale,
        ZoneId zone,
        QuietHours quietHours,
        boolean proactiveOptOut,
        boolean surveyOptOut,
        boolean vip) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public CustomerPreferences {
        Objects.requireNonNull(customerId, "customerId");
        channel = channel == null ? Channel.APP_PUSH : channel;
        locale = locale == null || locale.isBlank() ? "zh-CN" : locale;
        zone = zone == null ? DEFAULT_ZONE : zone;
        quietHours = quietHours == null ? QuietHours.DEFAULT : quietHours;
    }

    public static CustomerPreferences defaults(String customerId) {
        return new CustomerPreferences(customerId, Channel.APP_PUSH, "zh-CN", DEFAULT_ZONE, QuietHours.DEFAULT,
                false, false, false);
    }

    public boolean english() {
        return locale.toLowerCase().startsWith("en");
    }
}

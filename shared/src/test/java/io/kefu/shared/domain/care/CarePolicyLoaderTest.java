package io.kefu.shared.domain.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CarePolicyLoaderTest {

    private static String shippedYaml() throws Exception {
        try (var in = Objects.requireNonNull(CarePolicyLoader.class.getClassLoader()
                .getResourceAsStream(CarePolicyLoader.DEFAULT_RESOURCE))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shippedPolicyLoadsWithItsDocumentedDefaults() {
        CarePolicy policy = CarePolicyLoader.loadDefault();
        assertThat(policy.detection().stallHours()).isEqualTo(36);
        assertThat(policy.sending().capWindowHours()).isEqualTo(24);
        assertThat(policy.sending().capExemptReasons()).contains(DelayReason.LOST);
        assertThat(policy.offers().approvalLimitCents()).isEqualTo(5000);
    }

    @Test
    void misspelledKeyFailsAtLoadInsteadOfBeingIgnored() throws Exception {
        String yaml = shippedYaml().replace("stallHours:", "stalHours:");
        assertThatThrownBy(() -> CarePolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("stalHours");
    }

    @Test
    void templateWithUnknownPlaceholderIsRejected() throws Exception {
        String yaml = shippedYaml().replace("Order {orderId} is moving again.", "Order {orderId} {password}.");
        assertThatThrownBy(() -> CarePolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("{password}");
    }

    @Test
    void missingChannelTemplateInDefaultSetIsRejected() throws Exception {
        String yaml = shippedYaml().replace("        SMS: \"Order {orderId} is delayed by {reason}. {eta}{offer}\"\n", "");
        assertThatThrownBy(() -> CarePolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("notices.default.en.SMS");
    }
}

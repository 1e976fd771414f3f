package io.kefu.shared.app.care;

import io.kefu.shared.domain.customer.CustomerPreferences;

/** Customer contact preferences; defaults when the customer has none stored. */
@FunctionalInterface
public interface PreferencesSource {
    CustomerPreferences find(String customerId);
}

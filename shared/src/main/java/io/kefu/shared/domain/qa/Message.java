package io.kefu.shared.domain.qa;

import java.time.Instant;

/** One chat line; {@code index} is its position in the transcript (what findings point at). */
public record Message(int index, Role role, String agentId, String text, Instant ts) {
    public boolean isAgent() {
        return role == Role.AGENT;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }
}

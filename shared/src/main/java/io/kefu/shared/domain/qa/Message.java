package io.kefu.shared.domain.qa;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** One chat line; {@code index} is its position in the transcript (what findings point at). */
public record Message(int index, Role role, String agentId, String text, Instant ts) {
    @JsonIgnore
    public boolean isAgent() {
        return role == Role.AGENT;
    }

    @JsonIgnore
    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }
}

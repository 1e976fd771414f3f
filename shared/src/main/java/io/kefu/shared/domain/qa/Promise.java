package io.kefu.shared.domain.qa;

import java.time.Instant;

/** An agent's promise to come back ("稍后回复您"), to be followed up by {@code dueBy}. Text is redacted. */
public record Promise(String ruleId, int messageIndex, String agentId, Instant dueBy, String text) {}

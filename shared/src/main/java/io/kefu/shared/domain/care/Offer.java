package io.kefu.shared.domain.care;

/**
 * One offer chosen for a case.
 *
 * @param valueCents what it costs us (CNY fen); 0 for non-monetary offers (pick-up point)
 * @param rule the policy rule that produced it, so a manager can trace the decision
 * @param needsApproval above the policy's value limit: an agent approves it, the customer is not told yet
 */
public record Offer(OfferType type, long valueCents, String rule, boolean needsApproval) {}

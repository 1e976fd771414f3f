package io.kefu.shared.domain.care;

/** Carrier exception codes the order system forwards with an EXCEPTION status. */
public enum ExceptionCode {
    WEATHER, HUB_BACKLOG, ADDRESS_ISSUE, LOST, CUSTOMS, FAILED_ATTEMPT, DAMAGED, OTHER
}

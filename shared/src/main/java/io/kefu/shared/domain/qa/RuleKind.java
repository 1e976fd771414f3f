package io.kefu.shared.domain.qa;

/** What a rulebook item checks. Each kind is implemented once in {@link Scorer}. */
public enum RuleKind {
    /** 开场白: the first agent reply greets. */
    OPENING_GREETING,
    /** 结束语: one of the last {@code window} agent replies closes politely. */
    CLOSING,
    /** 确认满意: one of the last {@code window} agent replies asks whether the problem is solved. */
    SATISFACTION_ASK,
    /** 安抚: within {@code window} agent replies after the customer got upset, the agent empathises. */
    EMPATHY,
    /** 禁语 / slang: no agent reply contains the phrases. */
    FORBIDDEN,
    /** Red line (insults ...): any agent hit fails the whole transcript. */
    RED_LINE,
    /** Red line: an agent reply discloses personal data (checked on the raw text). */
    PII_DISCLOSURE,
    /** 首次响应: first agent reply within {@code seconds} of the customer's first message. */
    FIRST_RESPONSE,
    /** Every later wait for an agent reply stays within {@code seconds}. */
    REPLY_GAP,
    /** An agent promise to come back: recorded, and emitted as a follow-up task. Not scored. */
    PROMISE,
    /** 转接: a transfer is announced and the customer is not asked to repeat. */
    TRANSFER,
    /** The rule model in full: {@code when} (with its own role, range, anchor) must be {@code expect}ed present or absent. */
    CHECK
}

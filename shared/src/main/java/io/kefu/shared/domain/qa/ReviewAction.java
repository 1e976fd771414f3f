package io.kefu.shared.domain.qa;

/** What one audit record says happened to a score. */
public enum ReviewAction {
    /** A lead confirmed the automatic score. */
    ACCEPT,
    /** A lead replaced the score with their own, with a reason. */
    OVERRIDE,
    /** The agent contests the score, with a reason. */
    DISPUTE,
    /** A lead resolved a dispute keeping the score in force. */
    DISPUTE_REJECTED,
    /** A lead resolved a dispute in the agent's favour with a new score. */
    DISPUTE_UPHELD
}

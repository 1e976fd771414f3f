package io.kefu.shared.domain.qa;

/** Who wrote a chat message. Bot replies never count as agent replies (timing, greeting, ...). */
public enum Role {
    AGENT, CUSTOMER, BOT, SYSTEM
}

package io.kefu.shared.domain.qa;

/** Signs a complaint is escalating beyond the chat. */
public enum EscalationSignal {
    REGULATOR, MEDIA, LEGAL, REPEATED_CONTACT
}

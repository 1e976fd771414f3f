package io.kefu.shared.domain.customer;

/** How a customer can be reached proactively; each has its own length limit for a message body. */
public enum Channel {
    SMS(70),
    APP_PUSH(120),
    IM(1000);

    private final int maxChars;

    Channel(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Characters allowed in one message (SMS: one 70-character UCS-2 segment, so Chinese text is not split). */
    public int maxChars() {
        return maxChars;
    }
}

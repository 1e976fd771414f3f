package io.kefu.shared.domain.survey;

/** What a survey asks about besides overall satisfaction; each is rated 1-5. */
public enum Topic {
    PRODUCT_QUALITY,
    SERVICE_ATTITUDE,
    LOGISTICS_SPEED
}

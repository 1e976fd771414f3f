package io.kefu.shared.domain.survey;

/** Why we survey: after a chat closed, after a delivery, after a complaint was resolved. */
public enum SurveyKind {
    POST_CHAT,
    POST_DELIVERY,
    POST_COMPLAINT;

    public static boolean isKnown(String name) {
        for (SurveyKind kind : values()) {
            if (kind.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}

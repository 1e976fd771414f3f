package io.kefu.shared.domain.survey;

import io.kefu.shared.domain.customer.Channel;

/** The survey message: the kind's text, then the personal link, fitted to the channel's length limit. */
public final class SurveyMessageText {
    private SurveyMessageText() {}

    public static String link(SurveyPolicy policy, String token) {
        return policy.linkBase() + token;
    }

    /** The link must survive whole (it is the point of the message); the text is shortened instead. */
    public static String body(SurveyPolicy policy, Survey survey, String token, boolean reminder) {
        String text = policy.rules(survey.kind()).text(survey.locale(), reminder);
        String link = link(policy, token);
        Channel channel = survey.channel() == null ? Channel.APP_PUSH : survey.channel();
        int room = channel.maxChars() - link.length();
        if (room <= 0) {
            return link;
        }
        if (text.length() > room) {
            text = text.substring(0, Math.max(0, room - 1)) + "…";
        }
        return text + link;
    }
}

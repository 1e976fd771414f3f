package io.kefu.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.shared.domain.survey.ResponseToken;
import io.kefu.shared.json.InvalidMessageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SurveyContractsTest {
    private static String event(String name) throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("events")) ? here : here.getParent();
        return Files.readString(root.resolve("events/surveys/" + name));
    }

    @Test
    void sampleRequestsOfEveryKindDecode() throws IOException {
        assertThat(SurveyRequestContract.CONTRACT.decode(event("request-post-chat.json")).kind()).isEqualTo("POST_CHAT");
        assertThat(SurveyRequestContract.CONTRACT.decode(event("request-post-delivery.json")).agentId()).isNull();
        assertThat(SurveyRequestContract.CONTRACT.decode(event("request-post-complaint.json")).channel()).isEqualTo("SMS");
    }

    @Test
    void requestWithUnknownKindNamesTheField() throws IOException {
        String body = event("request-post-chat.json").replace("POST_CHAT", "AFTER_LUNCH");
        assertThatThrownBy(() -> SurveyRequestContract.CONTRACT.decode(body))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("kind"));
    }

    @Test
    void requestWithoutOccurredAtIsRejected() throws IOException {
        String body = event("request-post-chat.json").replace("\"occurredAt\"", "\"when\"");
        assertThatThrownBy(() -> SurveyRequestContract.CONTRACT.decode(body))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"));
    }

    @Test
    void responseTemplateDecodesOnceATokenIsFilledIn() throws IOException {
        String body = event("response-template.json").replace("REPLACE_WITH_TOKEN_FROM_LINK", ResponseToken.generate());
        SurveyResponseMessage m = SurveyResponseMessage.CONTRACT.decode(body);
        assertThat(m.csat()).isEqualTo(2);
        assertThat(m.topicRatings()).containsEntry("LOGISTICS_SPEED", 1);
    }

    @Test
    void responseOutOfRangeOrWithMalformedTokenIsRejectedWithTheField() throws IOException {
        String template = event("response-template.json");
        String good = template.replace("REPLACE_WITH_TOKEN_FROM_LINK", ResponseToken.generate());
        assertThatThrownBy(() -> SurveyResponseMessage.CONTRACT.decode(template))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("token"));
        assertThatThrownBy(() -> SurveyResponseMessage.CONTRACT.decode(good.replace("\"csat\": 2", "\"csat\": 6")))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("csat"));
        assertThatThrownBy(() -> SurveyResponseMessage.CONTRACT.decode(good.replace("\"nps\": 5", "\"nps\": 11")))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.field()).isEqualTo("nps"));
        assertThatThrownBy(() -> SurveyResponseMessage.CONTRACT.decode(good.replace("PRODUCT_QUALITY", "PRICE")))
                .isInstanceOfSatisfying(InvalidMessageException.class,
                        e -> assertThat(e.field()).isEqualTo("topicRatings.PRICE"));
    }
}

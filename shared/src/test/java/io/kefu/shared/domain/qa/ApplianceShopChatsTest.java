package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.ScorerFixture.LEXICONS;
import static io.kefu.shared.domain.qa.ScorerFixture.finding;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the JDDC 2.1 appliance shops' dev chats (zh-jdrec-0071..0140) taught the default rulebook, judged by its
 * lexicons alone (no model): calm fault reports, their customers' exasperation, and the shops' own asks and sign-offs.
 */
class ApplianceShopChatsTest {
    private static QaScore score(Chat chat) {
        return LEXICONS.score(chat.build());
    }

    private static Chat reported(String customer) {
        return Chat.zh().customer(0, "你好").agent(2, "您好在的，请问有什么可以帮您").customer(4, customer)
                .agent(6, "您好，麻烦您拍个照片给我看一下");
    }

    @ParameterizedTest
    @ValueSource(strings = {"买的碎肉机，不通电", "锅底发热管有一侧不发热", "这边合不上呢", "烤箱怎么烤着烤着没得火了",
            "这水壶底有一块跟锈一样的东西", "水还很多，但是亮红灯 就停止工作了", "东西收到了 但是底座少了个活塞", "我买的这款电饼铛 把手那怎么缝隙大啊"})
    void aCalmApplianceFaultIsAProductQualityComplaint(String customer) {
        ComplaintGrade complaint = score(reported(customer)).complaint();
        assertThat(complaint.type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
        assertThat(complaint.severity()).isEqualTo(ComplaintSeverity.LOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"这款是不锈钢内胆吗", "煮粥会粘锅吗", "这个会自动断电吗", "会不会漏电"})
    void aBuyersQuestionAboutTheSameThingsIsNoComplaint(String customer) {
        assertThat(score(reported(customer)).complaint().type()).isEqualTo(ComplaintType.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"真是的", "我晕，又要重新来一遍吗？", "亲一直没回答", "怎么不说话了呢", "自己看着办",
            "接龙街地址是假的"})
    void exasperationInTheirWordsIsUpset(String customer) {
        var s = score(Chat.zh().customer(0, customer).agent(2, "您好，有什么可以帮到您的呢"));
        assertThat(finding(s, "empathy").outcome()).as("an upset turn left without empathy").isEqualTo(Outcome.FAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"还有什么疑问，方便说出来我这边帮您解答下吗？", "请问您还要咨询什么", "如没有其他可以帮助您，暂时结束本次咨询",
            "如果您对本次客服的服务还满意，麻烦动动您的手指头点亮全部小星星", "以后还有什么问题尽管来找我就好啦~"})
    void theShopsAsksAreSatisfactionAsks(String ask) {
        var s = score(Chat.zh().customer(0, "好的").agent(2, "您好").customer(4, "谢谢").agent(6, ask));
        assertThat(finding(s, "satisfaction").outcome()).isEqualTo(Outcome.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"* 嗯嗯。好的呢。风里雨里，我在这里等你哟。"})
    void theShopsSignOffIsAClosing(String signOff) {
        var s = score(Chat.zh().customer(0, "好的").agent(2, "您好").customer(4, "好").agent(6, signOff));
        assertThat(finding(s, "closing").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aCustomerAskingForAPersonAgainMidChatIsNoTransfer() {
        // the platform's hand-over line, sent again after the shop's person answered, hands the chat to no one else
        var s = score(Chat.zh().system(0, "用户发起转人工").customer(1, "这个锅盖合不上").agent(2, "您好，麻烦您拍个照片")
                .system(4, "用户发起转人工").customer(5, "在吗").agent(6, "在的呢，您发下照片"));
        assertThat(finding(s, "transfer").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }
}

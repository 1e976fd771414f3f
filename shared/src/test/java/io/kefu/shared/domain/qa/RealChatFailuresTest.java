package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.ScorerFixture.finding;
import static io.kefu.shared.domain.qa.ScorerFixture.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The failures measured on real chats in issue 10: each polite control scores no violation, each evasion is caught. */
class RealChatFailuresTest {
    /** The verdict of one rule on a two-line zh chat: the customer's line, then the agent's reply. */
    private static Outcome verdict(String rule, String customer, String reply) {
        return finding(score(Chat.zh().customer(0, customer).agent(2, reply)), rule).outcome();
    }

    @Nested
    class PoliteControls {
        @Test
        void closerLookIsNotTheInsultLoser() {
            var s = score(Chat.en().customer(0, "my parcel is late").agent(2, "Hello, let me take a closer look at your order."));
            assertThat(finding(s, "insult").outcome()).isEqualTo(Outcome.PASS);
            assertThat(s.status()).isNotEqualTo(QaStatus.FAIL);
        }

        @Test
        void sixSixSixInsideAnOrderNumberIsNotSlang() {
            var s = score(Chat.zh().customer(0, "查一下").agent(2, "您好，您的订单号2026666012345已发货"));
            assertThat(finding(s, "slang").outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void omgInsideFromGuangzhouIsNotSlang() {
            var s = score(Chat.en().customer(0, "where is it").agent(2, "Hello, it ships from Guangzhou tomorrow."));
            assertThat(finding(s, "slang").outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void hotlineNumberInsideATimeIsNoEscalation() {
            var s = score(Chat.zh().customer(0, "我预约的安装时间是2026-11-23 15:30，能改吗").agent(2, "您好，可以的"));
            assertThat(s.complaint().signals()).doesNotContain(EscalationSignal.REGULATOR);
            assertThat(s.complaint().severity()).isNotEqualTo(ComplaintSeverity.HIGH);
        }

        @Test
        void anIssueYouIsNotSueYou() {
            var s = score(Chat.en().customer(0, "Is this an issue you can fix for me?").agent(2, "Hello, sure."));
            assertThat(s.complaint().signals()).doesNotContain(EscalationSignal.LEGAL);
        }

        @Test
        void politeQuestionWithBuZhiDaoIsNotForbidden() {
            var s = score(Chat.zh().customer(0, "好的").agent(2, "不知道您是否还有其他疑问呢？"));
            assertThat(finding(s, "forbidden").outcome()).isEqualTo(Outcome.PASS);
        }

        /**
         * docs/qa-gold-format.md "forbidden": a flat 不能 refuses what the customer asked with no reason or alternative
         * in that reply or the next; a reason in the next reply saves it, and a no about what a product does refuses
         * nothing. Columns: the customer's message, the agent's reply, the agent's next reply, the verdict.
         */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "赠品可以单独寄给其他人吗 ? | 不可以的，亲 | 请问还有其他还可以帮到您的吗? | FAIL",
                "可以修改收货地址吗 | 不可以的哦 | 订单已经出库了，您可以拒收后重新下单哦 | PASS",
                "这款支持电信卡吗 | 不支持的呢 | 请问还有其他还可以帮到您的吗? | PASS",
                // a reply of only 不能: to a request it refuses, to a question about the product it answers (dev zh-jdrec-0074)
                "可以帮我改一下地址吗 | 不能 | 请问还有其他还可以帮到您的吗? | FAIL",
                "这个可以打粉吗 | 不能 | 请问还有其他还可以帮到您的吗? | PASS"})
        void aFlatRefusalOfARequestIsForbidden(String request, String refusal, String next, Outcome verdict) {
            var s = score(Chat.zh().customer(0, request).agent(2, refusal).customer(5, "好吧").agent(2, next));
            assertThat(finding(s, "forbidden").outcome()).as(refusal + " / " + next).isEqualTo(verdict);
        }

        /** docs/qa-gold-format.md "closing": thanks, a wish or a goodbye, or the open door; not a check that it worked. */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "en | Let us know if you need further help. | PASS",
                "en | Let us know if this helps. | FAIL",
                "zh-CN | 不客气哒~ 希望下次有机会再为您服务! | PASS",
                "zh-CN | 请问还有什么可以帮您呢? 怠慢之处请您谅解呢 | FAIL"})
        void aClosingSignsOffAndAStepsCheckDoesNot(String lang, String last, Outcome verdict) {
            Chat chat = lang.equals("en") ? Chat.en().customer(0, "my app keeps crashing").agent(2, "Hi, try reinstalling it.")
                    : Chat.zh().customer(0, "好的谢谢").agent(2, "好的呢");
            assertThat(finding(score(chat.agent(2, last)), "closing").outcome()).as(last).isEqualTo(verdict);
        }

        @Test
        void satisfactionAskOpeningALongMessageIsFoundPerClause() {
            var s = score(Chat.zh().customer(0, "好的谢谢").agent(2, "请问还有其他可以帮您的吗？另外提醒您，订单预计明天送达，"
                    + "签收时请当面检查外包装是否完好，如有破损可以拒收，我们会第一时间为您补发新的商品，感谢您的理解与支持"));
            assertThat(finding(s, "satisfaction").outcome()).isEqualTo(Outcome.PASS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"早上好，这边是小美", "您好，很荣幸为您服务", "亲亲， 您这面是有什么需要小妹帮助的地方呢"})
        void greetingVariantsAreRecognised(String greeting) {
            assertThat(finding(score(Chat.zh().customer(0, "在吗").agent(2, greeting)), "greeting").outcome())
                    .isEqualTo(Outcome.PASS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"祝您一切顺利", "有问题随时找我", "如果您还有问题可以随时提问哦", "我一直都在的哦", "有问题再来咨询我们哦",
                "好哒~您之后有什么问题可以再联系我们的哦~"})
        void closingVariantsAreRecognised(String closing) {
            assertThat(finding(score(Chat.zh().customer(0, "好的").agent(2, closing)), "closing").outcome())
                    .isEqualTo(Outcome.PASS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Please let me know if there's anything else we can do.",
                // half AD: the open door a tweet away, thanks for patience in the passive
                "If you need help with your Xbox, we're just an @ away!",
                "Your patience is appreciated as we hope to get you going soon.",
                // half AG: a goodbye, a look forward to the next time
                "Hi There, we has respond you via DM, see you there!",
                "We aim to please, Alex! We can't wait to share the skies with you again soon!",
                // half AI: thanks in other words
                "Thanks for the shout out! -Becky", "We appreciate those details."})
        void englishClosingVariantsAreRecognised(String closing) {
            var s = score(Chat.en().customer(0, "ok").agent(2, closing));
            assertThat(finding(s, "closing").outcome()).as(closing).isEqualTo(Outcome.PASS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"What have you feeling this way? We would love to assist you.",
                "What happened? I can look into your concern and try to help.",
                "We'd like to see what we can do to assist. What version of iOS are you running?",
                "Thanks for getting that DM sent over - I've got it and am replying now.",
                "Olá, H.o! No momento não temos previsão"})
        void englishGreetingVariantsFromTwitterAreRecognised(String greeting) {
            // half AG: offers of help and thanks in the TWCS agents' words
            var s = score(Chat.en().customer(0, "hello?").agent(2, greeting));
            assertThat(finding(s, "greeting").outcome()).as(greeting).isEqualTo(Outcome.PASS);
        }

        @Test
        void helpOfferedOnceTheCustomerSendsMoreIsNoGreeting() {
            // dev en-ibm-0073: "send more details ... and we'll see what we can do to help"
            var s = score(Chat.en().customer(0, "YouTube won't play").agent(2,
                    "Make sure the app is updated. Otherwise, send more details, and we'll see what we can do to help."));
            assertThat(finding(s, "greeting").outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void anOfferToAssistFurtherAsksARequestForDetailsDoesNot() {
            // half AI en-twcs-0297; dev en-ibm-0061 ("so we may assist further" asks for details)
            var offer = score(Chat.en().customer(0, "how do I move files?")
                    .agent(2, "Hello! We have some documentation that may help. Let us know if we can assist further!"));
            assertThat(finding(offer, "satisfaction").outcome()).isEqualTo(Outcome.PASS);
            var details = score(Chat.en().customer(0, "the game crashes")
                    .agent(2, "Please let us know what platform you are playing on so we may assist further."));
            assertThat(finding(details, "satisfaction").outcome()).isEqualTo(Outcome.FAIL);
        }

                @Test
        void aCheckInOnTheProblemAsksWhetherItIsSolved() {
            // half AG en-twcs-0175
            var s = score(Chat.en().customer(0, "why no HD service tonight?")
                    .agent(2, "Hello, Ron! Just checking in to see if you are still experiencing HD service issues."));
            assertThat(finding(s, "satisfaction").outcome()).isEqualTo(Outcome.PASS);
        }

                @Test
        void enjoyingTheCustomersCompanyIsACompliment() {
            // half AD en-twcs-0075: not "Enjoy your day"
            var s = score(Chat.en().customer(0, "they make Halloween fun")
                    .agent(2, "HalloWN for the win! We sure enjoyed spending this spooky day with you, Abbye."));
            assertThat(finding(s, "closing").outcome()).isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class ForbiddenVariants {
        @ParameterizedTest
        @ValueSource(strings = {"抱歉的哦 这个我们不是很清楚的呢", "建议客户自己关注下物流信息的哈", "有一个重复 仔细看一下 谢谢",
                "客服能得到的信息和您是一致的 是否涨价我们也不清楚"})
        void notKnowingWithoutFindingOutAndLookItYourselfAreForbidden(String text) {
            assertThat(verdict("forbidden", "这个怎么回事", text)).as(text).isEqualTo(Outcome.FAIL);
        }

        @Test
        void aScreenTooBrightToSeeIsNoIDontKnow() {
            assertThat(verdict("forbidden", "屏幕太亮", "电脑亮度过高会看不清楚的，建议调低一点")).isEqualTo(Outcome.PASS);
        }

        @Test
                void aGuaranteeRefusedToTheCustomersFaceIsForbiddenOneWithAnAlternativeIsNot() {
            // half R zh-jddc-0789, 0802; dev zh-jddc-0119
            var refused = score(Chat.zh().customer(0, "有中文标签吗").agent(2, "这个没法保证哦，亲爱的"));
            assertThat(finding(refused, "forbidden").outcome()).isEqualTo(Outcome.FAIL);
            var alternative = score(Chat.zh().customer(0, "什么时候有货")
                    .agent(2, "近期不能保证有货，如果您着急可以选择其他的商品"));
            assertThat(finding(alternative, "forbidden").outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Nested
    class EvasionsAreStillCaught {
        @ParameterizedTest
        @ValueSource(strings = {"\uF967知道", "不\u200B知道", "不知\uE000道", "不 知 道"})
        void forbiddenPhraseWithLookAlikeOrInvisibleCharacters(String text) {
            var s = score(Chat.zh().customer(0, "怎么用").agent(2, "这个我" + text));
            assertThat(finding(s, "forbidden").outcome()).as(text).isEqualTo(Outcome.FAIL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"傻\u3164逼", "白\u200D痴", "l\u043Es\u0435r", "ＩＤＩＯＴ", "\u0455tupid", "神經病"})
        void insultWithFillerLookAlikeOrTraditionalCharacters(String text) {
            var s = score(Chat.zh().customer(0, "还没到").agent(2, "你这个" + text));
            assertThat(finding(s, "insult").outcome()).as(text).isEqualTo(Outcome.FAIL);
            assertThat(s.status()).isEqualTo(QaStatus.FAIL);
        }

        @Test
        void realHotlineThreatIsHigh() {
            var s = score(Chat.zh().customer(0, "再不处理我就打12315投诉你们").agent(2, "非常抱歉"));
            assertThat(s.complaint().signals()).contains(EscalationSignal.REGULATOR);
            assertThat(s.complaint().severity()).isEqualTo(ComplaintSeverity.HIGH);
        }

        @Test
        void realLawsuitThreatIsLegal() {
            var s = score(Chat.en().customer(0, "Refund me or I will sue you.").agent(2, "Sorry to hear that"));
            assertThat(s.complaint().signals()).contains(EscalationSignal.LEGAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"灰常对不起，这边马上处理", "小妹的洪荒之力也帮不上呢", "cheers fam"})
        void slangFromTheGlossariesIsSlang(String reply) {
            assertThat(verdict("slang", "好的", reply)).as(reply).isEqualTo(Outcome.FAIL);
        }

        @Test
        void porridgeIsGoodsNotSlang() {
            assertThat(verdict("slang", "有没有八宝粥", "有的，稀饭和八宝粥都有货哦")).isEqualTo(Outcome.PASS);
        }

        @Test
        void slangAsAWordIsStillSlang() {
            var s = score(Chat.zh().customer(0, "好评").agent(2, "666，亲真棒"));
            assertThat(finding(s, "slang").outcome()).isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class Empathy {
        private static final String UPSET = "Getting really fed up of ordering things and them not arriving!!!";

        /** docs/qa-gold-format.md "empathy": an acknowledgement of the feeling, in the agents' own words, answers it. */
        @ParameterizedTest
        @ValueSource(strings = {"That's not what we like to hear! DM us the order number.",
                "We get where you're coming from. DM us the order number.",
                "That's not the type of experience we want for you. DM us the order number."})
        void acknowledgingTheFeelingIsEmpathy(String reply) {
            var s = score(Chat.en().customer(0, UPSET).agent(2, reply));
            assertThat(finding(s, "empathy").outcome()).as(reply).isEqualTo(Outcome.PASS);
        }

        /** "Oh no!" and "unfortunately" alone acknowledge nothing (dev en-ibm-0822, 0824, 0866). */
        @ParameterizedTest
        @ValueSource(strings = {"Oh no! DM us the order number.", "Unfortunately we cannot change it. DM us the order number."})
        void anInterjectionOrUnfortunatelyIsNoEmpathy(String reply) {
            var s = score(Chat.en().customer(0, UPSET).agent(2, reply));
            assertThat(finding(s, "empathy").outcome()).as(reply).isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class Promises {
        @ParameterizedTest
        @ValueSource(strings = {"稍后给您回电", "我们会尽快致电您", "核实后与您联系", "明天给您答复"})
        void callbacksAndAnswersToComeAreChinesePromises(String text) {
            var s = score(Chat.zh().customer(0, "怎么办").agent(2, "您好，" + text));
            assertThat(s.promises()).as(text).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"We'll reach out once the warehouse confirms.", "I will call you back shortly."})
        void callbacksAreEnglishPromises(String text) {
            var s = score(Chat.en().customer(0, "what now").agent(2, "Hello. " + text));
            assertThat(s.promises()).as(text).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"修改后小妹通知您", "这边邮寄我会短信通知到您的哦", "帮您反馈销售，[数字x]-[数字x]个工作日回电",
                "明天[数字x]点前回电收货人号码", "差价以京券方式返还，到账我会以短信形式通知您的",
                "专员会在[数字x]小时之内联系到您哦", "改好短信告知", "有运单号后邮件告知您", "您等我们的电话 别着急"})
        void theAgentsOwnNoticeOrATimedCallbackIsAPromise(String text) {
            var s = score(Chat.zh().customer(0, "怎么办").agent(2, "您好，" + text));
            assertThat(s.promises()).as(text).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"师傅出发后 系统会短信通知您配送员电话", "页面会告知您预计送达时间呢", "您的回电号码对吗",
                "审核通过后一般会短信告知您的", "配送也会联系您，您告知他哦", "请问订单上的电话号码是否可以联系到您",
                "配送师傅在配送前会提前联系您的呢", "安装网点会和您联系呢", "订单完成后系统会给您发短信的"})
        void aNoticeTheSystemOrACourierSendsIsNoPromise(String text) {
            var s = score(Chat.zh().customer(0, "怎么办").agent(2, "您好，" + text));
            assertThat(s.promises()).as(text).isEmpty();
        }

        /** docs/qa-gold-format.md "promises": an action without coming back (帮您跟进, 帮您催促) is no promise. */
        @ParameterizedTest
        @ValueSource(strings = {"我这边帮您跟进到订单签收，请放心", "妹子这边会帮您催促处理的哦 也会跟进处理的哦"})
        void followingUpWithoutComingBackIsNoPromise(String text) {
            var s = score(Chat.zh().customer(0, "怎么办").agent(2, "您好，" + text));
            assertThat(s.promises()).as(text).isEmpty();
        }

        @Test
        void inviteToReachOutIsNoPromise() {
            var s = score(Chat.en().customer(0, "thanks").agent(2, "Feel free to reach out to us any time."));
            assertThat(s.promises()).isEmpty();
        }

        @Test
        void dueTimeInTheSentenceIsUsed() {
            // T0 = 2026-11-11T02:00Z = 10:00 in Shanghai (a Wednesday)
            var within = score(Chat.zh().customer(0, "退款呢").agent(0, "您好，24小时内给您答复"));
            assertThat(within.promises().get(0).dueBy()).isEqualTo(Chat.T0.plusSeconds(24 * 3600));
            var tomorrow = score(Chat.zh().customer(0, "退款呢").agent(0, "您好，明天给您回电"));
            assertThat(tomorrow.promises().get(0).dueBy()).isEqualTo(Instant.parse("2026-11-12T15:59:59Z"));
            var friday = score(Chat.en().customer(0, "refund?").agent(0, "Hello, we will get back to you by Friday."));
            assertThat(friday.promises().get(0).dueBy()).isEqualTo(Instant.parse("2026-11-13T15:59:59Z"));
            var none = score(Chat.zh().customer(0, "退款呢").agent(0, "您好，稍后给您回复"));
            assertThat(none.promises().get(0).dueBy()).isEqualTo(Chat.T0.plusSeconds(24 * 3600));
        }
    }
}

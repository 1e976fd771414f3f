package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.ScorerFixture.finding;
import static io.kefu.shared.domain.qa.ScorerFixture.score;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The structural upset signals of the default rulebook, each with a polite control (zh and en). */
class UpsetSignalsTest {

    /** Whether the default rulebook reads the customer line as upset: empathy applies (the reply has none). */
    private static boolean upset(Chat chat) {
        return finding(score(chat), "empathy").outcome() != Outcome.NOT_APPLICABLE;
    }

    /**
     * The complaint type the rulebook's lexicons give: these tests are about its phrases. The complaint-type model
     * decides what the lexicons leave open (ComplaintTypeModelTest).
     */
    private static ComplaintType type(Chat chat) {
        return ScorerFixture.LEXICONS.score(chat.build()).complaint().type();
    }

    /** The lexicons' complaint type of one customer sentence answered by a bare greeting. */
    private static ComplaintType zhType(String customer) {
        return type(Chat.zh().customer(0, customer).agent(2, "您好"));
    }

    private static ComplaintType enType(String customer) {
        return type(Chat.en().customer(0, customer).agent(2, "Hi"));
    }

    private static boolean zhUpset(String customer) {
        return upset(Chat.zh().customer(0, customer).agent(2, "好的，这边为您查看"));
    }

    private static boolean enUpset(String customer) {
        return upset(Chat.en().customer(0, customer).agent(2, "Please DM us your order number."));
    }

    @Nested
    class NotYet {
        @Test
        void notYetStatesWhereThingsAreAndChasingStaysUpset() {
            // after an impatient line, 还没 would have been the second sign (dev zh-jddc-0571: calm to the reviewer)
            assertThat(upset(Chat.zh().customer(0, "这么慢?").agent(2, "亲亲稍等，这边为您查看")
                    .customer(2, "哦，还没收到啊").agent(2, "好的，这边为您查看"))).as("还没: not yet").isFalse();
            assertThat(zhUpset("都一个星期了怎么还没到！！")).as("chasing a late parcel").isTrue();
        }
    }

    @Nested
    class RhetoricalQuestions {
        @Test
        void rhetoricalFramesAreUpset() {
            assertThat(zhUpset("我不就亏了吗")).isTrue();
            assertThat(zhUpset("凭什么要我自己出运费")).isTrue();
            assertThat(enUpset("How hard is it to send a parcel on time?")).isTrue();
            assertThat(enUpset("Is being rude part of the job?")).isTrue();
            assertThat(enUpset("imma start trippin if y'all don't get my service going")).isTrue();
            assertThat(zhUpset("再不发货我就去投诉")).isTrue();
        }

        @Test
        void willYouDeliverOrNotIsExasperation() {
            assertThat(zhUpset("这个订单，到底还送不送啊?")).isTrue(); // half R zh-jddc-0779
            assertThat(zhUpset("我还要不要付款")).as("a question of what to do").isFalse();
        }

        @Test
        void plainQuestionsAndPuzzlementAreNot() {
            assertThat(zhUpset("为什么开票出来是这个金额")).isFalse();
            assertThat(zhUpset("我不是付了这个金额吗")).isFalse();
            assertThat(enUpset("Why is my invoice showing a different amount?")).isFalse();
            assertThat(enUpset("If you don't mind, could you check my order?")).isFalse();
        }
    }

    @Nested
    class SadnessAndContempt {
        @Test
        void sadnessAtTheCompanyDisappointmentAndContemptAreUpset() {
            // half R en-ibm-0518, 0523, 0533; zh-jddc-0790, 0802
            assertThat(enUpset("it is sad that you are letting people get away with price gouging")).isTrue();
            assertThat(enUpset("I expect more from pricey software")).isTrue();
            assertThat(enUpset("which fker tried to sign into my account")).isTrue();
            // half AD en-twcs-0064, 0069, 0087: sarcastic praise doubled, a crew called lazy, care denied
            assertThat(enUpset("my whole house has no internet ...wonderful just wonderful @VerizonSupport")).isTrue();
            assertThat(enUpset("@ChipotleTweets nope just laziness.")).isTrue();
            assertThat(enUpset("my card is being charged from another account and no one seems to care?")).isTrue();
            assertThat(enUpset("This has happened too many times when important work is due")).isTrue();
            assertThat(enUpset("Wonderful, thank you for the quick fix")).as("praise said once").isFalse();
            // half AG en-twcs-0149, 0159: sarcastic thanks refused in a hashtag, a worse experience
            assertThat(enUpset("Thanks for the huge delays back to Chicago. #thanksnothanks")).isTrue();
            assertThat(enUpset("Worse experience 0 customer service. 3 years of this?")).isTrue();
            assertThat(zhUpset("我现在讨厌在淘宝上购物了，物流服务超级差")).isTrue();
            assertThat(zhUpset("难道京东官方客服也是外包的 这么不专业")).isTrue();
            assertThat(zhUpset("订单里是我妈的 我怕她听不到")).as("the customer's mother, no swearing").isFalse();
            // halves R to Y: the wait, effort wasted, going elsewhere, being dropped, a stock answer
            assertThat(zhUpset("那样黄瓜菜都凉了，我已经跟商家催了两天了")).isTrue();
            assertThat(zhUpset("这一次已经浪费我很多精力和时间了 看来我也考虑换一下购物平台了")).isTrue();
            assertThat(zhUpset("他是不管了吗 昨天就告诉他了")).isTrue();
            assertThat(zhUpset("很官方的回答哦")).isTrue();
            assertThat(zhUpset("要是等半个月左右的话我就将就着用吧")).as("a hypothetical make-do").isFalse();
            assertThat(enUpset("I expect the parcel on Monday")).isFalse();
            // halves V and W: doing nothing to help, sarcasm, no way through to a person, resignation
            assertThat(enUpset("@Chase is doing nothing to help biz out so far")).isTrue();
            assertThat(enUpset("apparently this is how @amazon delivers packages")).isTrue();
            assertThat(enUpset("I'm in an endless loop of troubleshooting steps on your site")).isTrue();
            assertThat(enUpset("There's no way of getting my account back")).isTrue();
            assertThat(enUpset("every time I try to log on it shows a screen")).as("a calm report").isFalse();
            assertThat(enUpset("I did a dumb thing, I changed my name as a joke")).as("his own").isFalse();
            // halves Z and AA: a drawn-out swear or sigh, "how is it legal"
            assertThat(enUpset("like that's supposed to be standard practice is fuuuuuuucked")).isTrue();
            assertThat(enUpset("Ughhh my Mac laptop won't shut off")).isTrue();
            assertThat(enUpset("@ebay how is it legal to sell it for 3-4 times as much")).isTrue();
        }
    }

    @Nested
    class ThreatsToLeave {
        @Test
        void closingTheAccountLosingACustomerOrARivalThatAllowsItAreUpset() {
            assertThat(enUpset("That's enough for me to close my Wells Fargo account.")).isTrue();
            assertThat(enUpset("Why won't you fix the service? it's really easy to lose a customer")).isTrue();
            assertThat(enUpset("Greetings, fraudulent company! You charged me 7 times")).isTrue();
            assertThat(zhUpset("淘宝都可以换地址啊 京东怎么不可以")).isTrue();
        }

        @Test
        void askingHowToCloseAnAccountIsNot() {
            assertThat(enUpset("How do I close an old savings account?")).isFalse();
            assertThat(zhUpset("这个地址可以改吗")).isFalse();
        }
    }

    @Nested
    class Accusations {
        @Test
        void accuserThenAccusingPredicateInOneClauseIsUpset() {
            assertThat(zhUpset("退的是发票，你们也没给我提供任何信息")).isTrue();
            assertThat(zhUpset("你们每次都这样")).isTrue();
            assertThat(enUpset("y'all have the whole thing messed up")).isTrue();
            assertThat(enUpset("I hope you change but I'm sure you won't")).isTrue();
        }

        @Test
        void theSameWordsWithoutAnAccuserOrAcrossAClauseAreNot() {
            assertThat(zhUpset("我也没有收到短信，麻烦看一下")).isFalse();
            assertThat(zhUpset("你们都没有货了吗")).as("a stock question").isFalse();
            assertThat(zhUpset("你好 我的快递一直没到")).as("a greeting, no accuser").isFalse();
            assertThat(enUpset("Thank you never mind, found it")).isFalse();
            assertThat(enUpset("Your app won't load on my phone, can you check?")).as("a calm report").isFalse();
            assertThat(enUpset("Your website is showing no slots, can you check?")).isFalse();
            assertThat(enUpset("Thank you. It never arrived at my old address, I moved")).isFalse();
        }
    }

    @Nested
    class ChasingInNumbers {
        @Test
        void contactsCountedAndLongWaitsAreUpset() {
            assertThat(zhUpset("昨天问过两次了 目前还没收到回复")).isTrue();
            assertThat(zhUpset("十多天了")).isTrue();
            assertThat(enUpset("It's just in my yard. I've called 4-5 times in 6 weeks.")).isTrue();
            assertThat(enUpset("I have been waiting for 3 weeks")).isTrue();
        }

        @Test
        void aShortWaitWithAnImpatientWordIsOneSignNotTwo() {
            // dev zh-jddc-0253 (a cooker used for a few days), K's stacked impatience: a calm chase, not upset
            assertThat(zhUpset("我这个锅用了几天了，水开了就自己停了")).isFalse();
            assertThat(zhUpset("怎么三天了还没有物流信息")).isFalse();
            // 都六天了 ("six days already", dev zh-jddc-0272) is the exasperated form of the wait
            assertThat(zhUpset("要多久 都六天了 真的是")).isTrue();
            assertThat(ChasingSignal.read("都六天了").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.read("都1天了").strength()).as("one day is no wait").isEqualTo(ChasingSignal.Strength.NONE);
        }

        @Test
        void policyFiguresAndOneContactAreNot() {
            assertThat(zhUpset("支持7天无理由退货吗")).isFalse();
            assertThat(zhUpset("我之前问过一次，想再确认一下")).isFalse();
            assertThat(enUpset("Is the voucher valid for 30 days?")).isFalse();
        }

        @Test
        void chasingSignalGradesCountsAndWaits() {
            assertThat(ChasingSignal.read("打了三次电话").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.read("一个星期了还没到").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.read("三天了").strength()).isEqualTo(ChasingSignal.Strength.WEAK);
            assertThat(ChasingSignal.read("waited for 2 days").strength()).isEqualTo(ChasingSignal.Strength.WEAK);
            assertThat(ChasingSignal.read("半个月了").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.read("7天无理由").strength()).isEqualTo(ChasingSignal.Strength.NONE);
            assertThat(ChasingSignal.read("都11月了").strength()).as("a date").isEqualTo(ChasingSignal.Strength.NONE);
            assertThat(ChasingSignal.read("I tried restarting it 3 times").strength()).isEqualTo(ChasingSignal.Strength.NONE);
            assertThat(ChasingSignal.read("I've tried leaving a voicemail several times").strength())
                    .isEqualTo(ChasingSignal.Strength.STRONG);
            // the word screens before the regexes are case-blind as the regexes are, and 回 / 遍 count as 次 does
            assertThat(ChasingSignal.read("I HAVE CALLED 4 TIMES").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.read("Waited For 3 Weeks").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.read("问了好几遍").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.read("找过两回了").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.containsIgnoreCase("ok", "times")).isFalse();
        }
    }

    @Nested
    class HavingToRepeat {
        @Test
        void complainingAboutRepeatingIsUpset() {
            assertThat(zhUpset("我已经说过了，是上周买的")).isTrue();
            assertThat(enUpset("As I already said, the order number is in my first message")).isTrue();
        }

        @Test
        void theOpeningQuestionAskedAgainToTheOpenerIsNotRepeating() {
            // half Q zh-jddc-0764: sent before anyone joined, asked again after a greeting that did not read it
            var restated = upset(Chat.zh().customer(0, "我取消订单了 怎么还没退款呢").agent(2, "有什么问题我可以帮您处理或解决呢?")
                    .customer(4, "我取消订单了 怎么还没退款呢").agent(6, "您好 退款会在三个工作日内到账"));
            assertThat(restated).isFalse();
            // asked a third time, after an answer, it is chasing again
            var chased = upset(Chat.zh().customer(0, "我取消订单了 怎么还没退款呢").agent(2, "有什么问题我可以帮您处理或解决呢?")
                    .customer(4, "我取消订单了 怎么还没退款呢").agent(6, "您好 退款会在三个工作日内到账")
                    .customer(8, "我取消订单了 怎么还没退款呢").agent(10, "您好"));
            assertThat(chased).isTrue();
        }

        @Test
        void aPoliteQuestionAboutTimeIsNoChase() {
            // dev zh-jddc-0605, 0500: 请问 / 麻烦您 / 谢谢 mute weak impatience, not a strong sign
            assertThat(upset(Chat.zh().customer(0, "什么时候能发货").agent(2, "您好 正在安排")
                    .customer(4, "怎么还没发货").agent(6, "好的"))).isTrue();
            assertThat(upset(Chat.zh().customer(0, "请问什么时候能发货").agent(2, "您好 正在安排")
                    .customer(4, "请问怎么还没发货呢").agent(6, "好的"))).isFalse();
            assertThat(zhUpset("麻烦您帮我看看 怎么还没到 气死我了")).as("anger said outright still counts").isTrue();
        }

        @Test
        void askingUnderWhatCircumstancesIsNoImpatience() {
            // dev zh-jddc-0883: asked again after the opener asked for the order, 什么情况下 is a question about a rule
            assertThat(upset(Chat.zh().customer(0, "你好 我想咨询一下什么情况下订单不支持退款")
                    .agent(2, "晚上好!小妹有什么问题我可以帮您处理或解决呢? 有订单号吗")
                    .customer(4, "稍等 比如这个， 我本来想确认收货，点错位置了，然后提示我不支持退款 我只是想知道什么情况下订单不支持退款")
                    .agent(6, "这个是三方的商品呢，需要您联系卖家呢"))).isFalse();
            assertThat(upset(Chat.zh().customer(0, "帮我看看，现在什么情况").agent(2, "稍等")
                    .customer(4, "怎么还没处理").agent(6, "好的"))).as("chasing the state of it").isTrue();
        }

        @Test
        void sayingSomethingOnceIsNot() {
            assertThat(zhUpset("我说一下，是上周买的")).isFalse();
            assertThat(enUpset("The order number is in my first message")).isFalse();
        }
    }

    @Nested
    class Tone {
        @Test
        void questionMarksAloneArePuzzlementNotShouting() {
            assertThat(zhUpset("发票可以改吗 ???")).isFalse();
            assertThat(enUpset("can I change the invoice???")).isFalse();
            assertThat(ToneMarks.angryPunctuation("怎么还没到！！")).isTrue();
        }

        @Test
        void thanksMuteExclamationMarks() {
            assertThat(enUpset("I am! Thank you for the answer!!")).isFalse();
            assertThat(zhUpset("收到了！！谢谢")).isFalse();
        }

        @Test
        void delightIsLoudTooUnlessItIsSarcasmAboutAProblem() {
            assertThat(enUpset("we all know walmart is better in terms of a lot of things so I LOVE WALMART")).isFalse();
            assertThat(enUpset("This is so cool!!")).isFalse();
            assertThat(enUpset("5 stars for Jimmy! Friendliest attendant ever! COMFORTABLE! #Relax")).isFalse();
            assertThat(enUpset("My apps stop working and my phone freezes every five minutes! Love the new update!!!!"))
                    .as("praise beside a problem is sarcasm").isTrue();
            assertThat(enUpset("wondering WHY?!?!?!?!? link")).as("'wondering' is no delight").isTrue();
        }

        @Test
        void plainDiscontentIsUpsetButAFailedStepIsNot() {
            assertThat(enUpset("I couldn't even eat the chorizo because it was too tough. Very dissatisfied.")).isTrue();
            assertThat(enUpset("eBay does not care")).isTrue();
            assertThat(enUpset("Poor customer service.")).isTrue();
            assertThat(enUpset("The update failed to install, any advice?")).isFalse();
        }

        @Test
        void aFirmRequestOrAStateOfThingsAloneIsNoAnger() {
            assertThat(enUpset("Why? I want my money back.")).isFalse();
            assertThat(enUpset("still no email from you")).isFalse();
            assertThat(enUpset("still no email from you, this is ridiculous")).isTrue();
        }

        @Test
        void negativeEmojiAndALongShoutedWordAreUpset() {
            assertThat(enUpset("didn't get my free burrito 😭")).isTrue();
            assertThat(enUpset("That is INCORRECT information")).isTrue();
            assertThat(enUpset("Ordered on the app 😊")).isFalse();
            assertThat(enUpset("Someone signed into my account from abroad so that's comforting 🙃")).as("sarcasm").isTrue();
            assertThat(enUpset("I tried everything, nothing works 🥺")).isTrue();
            assertThat(enUpset("That was quick, thanks 🙂")).isFalse();
            assertThat(ToneMarks.shouting("my SKU number is on the label")).isFalse();
            // in a Chinese sentence capitals name a product, a brand or the dataset's mask (unlabelled JDDC chats)
            assertThat(ToneMarks.shouting("亲，这个反光背心可以加LOGO吗 CCJC免费印字")).isFalse();
            assertThat(ToneMarks.shouting("什么意思 [USERID_[数字x]] ok")).isFalse();
            assertThat(zhUpset("这个反光背心可以加LOGO吗 CCJC免费印字")).isFalse();
            assertThat(ToneMarks.shouting("@XFINITY can you check my bill")).isFalse();
            assertThat(ToneMarks.shouting("when i try to log into my GTA online account it says files required to play GTA online"
                    + " could not be downloaded from the PSN")).as("acronyms named in passing").isFalse();
            assertThat(ToneMarks.shouting("VERIZON IS DOWN again")).isTrue();
            assertThat(ToneMarks.shouting("audio does not play after 1 second FIX THIS YT")).isTrue();
            assertThat(ToneMarks.shouting("WHERE IS MY REFUND")).isTrue();
            assertThat(ToneMarks.shouting("all i want to do is to play minecraft but NOOO")).as("a shout drawn out").isTrue();
            assertThat(ToneMarks.shouting("buy AAA batteries, not XXX")).as("three letters are an acronym").isFalse();
            assertThat(enUpset("What the hell am I paying for?")).isTrue();
            assertThat(enUpset("Your stupid site will not let me login")).isTrue();
            assertThat(enUpset("No ones helping me")).isTrue();
            assertThat(enUpset("Is there anyone who can help me with my login?")).isFalse();
        }
    }

    @Nested
    class Negation {
        @Test
        void negationGovernsOnlyTheAdjacentPhrase() {
            assertThat(zhUpset("你不知道吧 算了算了我自己研究研究")).isTrue();
            assertThat(zhUpset("我不生气")).isFalse();
            assertThat(zhUpset("我不想快递白跑一趟")).isFalse();
            assertThat(enUpset("I'm not really angry, just asking")).isFalse();
            // a clause break ends it: the customer's 真是的 after a comma is theirs (dev zh-jdrec, sent there as two messages)
            assertThat(zhUpset("连个减震垫都没有，真是的")).isTrue();
        }

        @Test
        void theNotOfAnANotAQuestionAsksRatherThanNegates() {
            assertThat(zhUpset("京东物流是不是太忽悠人了")).isTrue();
            assertThat(zhUpset("你们有没有搞错")).isTrue();
            assertThat(zhUpset("我不是生气，就问问")).isFalse();
            // a rhetorical 不 is no negation (dev zh-jddc-0288); a customer asking whether a bot answers is exasperated
            assertThat(zhUpset("这不扯淡嘛，那还让我选干嘛")).isTrue();
            assertThat(zhUpset("不是要修改啊 你是人工还是智能")).isTrue();
            assertThat(enUpset("Now over one 1h delay and NO one here to provide status updates")).isTrue();
            // half O: done and nothing came of it, not "no more questions"; making the customer do it; a long wait in English
            assertThat(zhUpset("我已经申请了 没电话")).isTrue();
            assertThat(zhUpset("快递也已经拒收了 没有了谢谢")).isFalse();
            assertThat(zhUpset("你们京东没有管理规范吗? 还要用户自己去解决?")).isTrue();
            assertThat(enUpset("Any updates on my review? Its been 3 months already since I reapply")).isTrue();
            assertThat(ChasingSignal.read("It's been 3 months").strength()).isEqualTo(ChasingSignal.Strength.STRONG);
            assertThat(ChasingSignal.read("I have been a customer for 3 years").strength()).isEqualTo(ChasingSignal.Strength.NONE);
        }
    }

    @Nested
    class Complaints {
        @Test
        void aRepairTheCustomerCausedIsNoComplaint() {
            var s = score(Chat.zh().customer(0, "屏幕碎了，换多少钱").agent(2, "您好").customer(4, "不是质量问题 是我摔坏的"));
            assertThat(s.complaint().type()).isEqualTo(ComplaintType.NONE);
            var defect = score(Chat.zh().customer(0, "屏幕碎了，换多少钱").agent(2, "您好").customer(4, "刚拆开就这样"));
            assertThat(defect.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
        }

        @Test
        void aProblemWordInsideANotProblemsPhraseNamesNoProblem() {
            var negated = score(Chat.zh().customer(0, "没故障，不喜欢这个款 可以换吗").agent(2, "您好"));
            assertThat(negated.complaint().type()).isEqualTo(ComplaintType.NONE);
            var fault = score(Chat.zh().customer(0, "出故障了 可以换吗").agent(2, "您好"));
            assertThat(fault.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            var howTo = score(Chat.zh().customer(0, "怎么查到哪里了").agent(2, "您好"));
            assertThat(howTo.complaint().type()).isEqualTo(ComplaintType.NONE);
            var chase = score(Chat.zh().customer(0, "我的快递到哪里了").agent(2, "您好"));
            assertThat(chase.complaint().type()).isEqualTo(ComplaintType.LOGISTICS);
            assertThat(chase.complaint().reasons()).containsExactly(new ComplaintGrade.Reason(0, "到哪里了"));
            assertThat(negated.complaint().reasons()).isEmpty();
            var polite = score(Chat.en().customer(0, "No problem, thanks for checking").agent(2, "Hi there"));
            assertThat(polite.complaint().type()).isEqualTo(ComplaintType.NONE);
        }

        @Test
        void plainReportsOfAFaultAreComplaintsOfTheirType() {
            // half R: a return that came back wrong, an installer who never came, a thing stuck, a light flashing
            assertThat(type(Chat.zh().customer(0, "这单客户拒收，退错了商品").agent(2, "好的"))).isEqualTo(ComplaintType.AFTER_SALES);
            assertThat(zhType("我家热水器到了一直没有师傅上门安装怎么办?"))
                    .isEqualTo(ComplaintType.AFTER_SALES);
            assertThat(zhType("底部进水晒干后一直闪 还可以用吗"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            // a parcel the courier took back (not the refund word 退回)
            assertThat(type(Chat.zh().customer(0, "到底还送不送啊?").agent(2, "您好")
                    .customer(4, "派件员说又退回去了 站点什么时候再送过去").agent(6, "会跟站点确认一下的")))
                    .isEqualTo(ComplaintType.LOGISTICS);
            assertThat(enType("The ps3 is getting stuck. Tried 2 different joysticks"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            // a person stuck at home is no fault; a handle is no topic (@hulu_support is not "support")
            assertThat(enType("Now that I'm stuck in the house, what should I watch?"))
                    .isEqualTo(ComplaintType.NONE);
            assertThat(enType("@hulu_support Hulu on Roku will freeze before the ads end"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            // half T: signed for but not received, a short shipment, an answer that never came
            assertThat(zhType("这个件已经签收了 但是客户没有收到"))
                    .isEqualTo(ComplaintType.LOGISTICS);
            assertThat(zhType("怎么那个香辣黄花鱼才发到一瓶的?我订了两瓶"))
                    .isEqualTo(ComplaintType.LOGISTICS);
            assertThat(zhType("协商扣款货值一半 之后就没有答复了"))
                    .isNotEqualTo(ComplaintType.NONE);
            // halves V and W: a parcel routed wrong or chased by when it comes, tracking that does not move, a dent
            assertThat(zhType("物流显示从合肥出库了，为啥发到芜湖了"))
                    .isEqualTo(ComplaintType.LOGISTICS);
            assertThat(zhType("您好，包裹何时能到呢")).isEqualTo(ComplaintType.LOGISTICS);
            assertThat(zhType("到现在没有更新物流动态")).isEqualTo(ComplaintType.LOGISTICS);
            assertThat(zhType("东西刚送到，发现冰箱外观凹陷"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            // halves V and W: a thing bought or won that is not there, a bonus not received, buffering
            assertThat(type(Chat.en().customer(0, "bought the vigilante last night got back on today and it's not there")
                    .agent(2, "Hi"))).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(enType("I haven't got my bonus for my shark card yet, please help"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(enType("my hulu is just buffering. Netflix works fine"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            // a fault with the return asked for it is about the product (half Y zh-jddc-1057); the return itself late is not
            assertThat(zhType("买了两次都坏了，我现在能退货吗 可以退货吗"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(zhType("退货申请了一个星期了还没退款"))
                    .isEqualTo(ComplaintType.AFTER_SALES);
            // halves Z and AA: paid-for money not received yet, a purchase the account no longer knows
            assertThat(type(Chat.en().customer(0, "I purchased the Whale Shark Card Bundle but have yet to receive the money")
                    .agent(2, "Hi"))).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(enType("my account said I have to repurchase Minecraft"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(type(Chat.en().customer(0, "I lost my 2step verification device, can I move it to another device?")
                    .agent(2, "Hi"))).as("a request to get back in").isEqualTo(ComplaintType.NONE);
            // halves Z and AA (Chinese): tracking gone quiet, an installation refused, a lagging router; 万一坏了 asks ahead
            assertThat(zhType("这单三号之后就没有物流信息了 麻烦您给看看"))
                    .isEqualTo(ComplaintType.LOGISTICS);
            assertThat(zhType("你们就有一个给我打电话说不能给我安装"))
                    .isEqualTo(ComplaintType.AFTER_SALES);
            // half AD: a quality said bad, a code that will not activate, a renewal charged unasked, a ride that broke
            // down, a fare charged at the call centre (billing, not a battery that will not charge)
            assertThat(zhType("我想退货了 这衣服质量不好"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(zhType("这款的k码不能激活 怎么办"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(zhType("我没有办理会员，为什么会自动续费扣款?"))
                    .isEqualTo(ComplaintType.OTHER);
            assertThat(enType("My driver broke down. Any tips on getting a refund?"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(type(Chat.en().customer(0, "they tried to charge me 176 for a ticket which is 88 online")
                    .agent(2, "Hi"))).isEqualTo(ComplaintType.OTHER);
            // half AI zh-jddc-1399: earphones too quiet
            assertThat(zhType("耳机的 声音特别小 跟我之前那个有明显差异"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(zhType("我这个路由器有时候很卡 网络都连接不上"))
                    .isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(zhType("万一电脑坏了 能不能到指定服务点维修"))
                    .isEqualTo(ComplaintType.NONE);
            // a phone the customer broke is his own cause (half T en-ibm-0587)
            assertThat(enType("I broke my old phone so I can't use Authenticator"))
                    .isEqualTo(ComplaintType.NONE);
            // a return request closed by someone else (dev zh-jddc-0147)
            assertThat(zhType("第三方退货申请被关闭是什么情况"))
                    .isEqualTo(ComplaintType.AFTER_SALES);
            // cancelling before it arrives is a request, not a parcel chase
            assertThat(zhType("趁还没收到，帮我取消订单吧")).isEqualTo(ComplaintType.NONE);
        }

        @Test
        void returnToTheGameIsNoReturnOfGoods() {
            // dev en-ibm-0011, half M en-ibm-0384: the error message says "please return to Grand Theft Auto V"
            var outage = score(Chat.en().customer(0, "I keep getting a message: services are unavailable. Please return to GTA V")
                    .agent(2, "Hi there"));
            assertThat(outage.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            var goods = score(Chat.en().customer(0, "I returned the blender two weeks ago and still no refund").agent(2, "Hi there"));
            assertThat(goods.complaint().type()).isEqualTo(ComplaintType.AFTER_SALES);
            // broken and asked back: the fault is the complaint, the return its remedy
            var broken = score(Chat.en().customer(0, "The blender is broken, I want to return it for a refund").agent(2, "Hi there"));
            assertThat(broken.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            var gone = score(Chat.en().customer(0, "I got the F1 car in the casino and now its gone.").agent(2, "Hi there"));
            assertThat(gone.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            var missing = score(Chat.en().customer(0, "I recorded a meeting to the cloud, it's not showing up").agent(2, "Hi there"));
            assertThat(missing.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            var down = score(Chat.en().customer(0, "@zoom_us are you down rn").agent(2, "Hi there"));
            assertThat(down.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            var tomorrow = score(Chat.zh().customer(0, "昨天[数字x]点前下单的 明天中午能到吗").agent(2, "您好"));
            assertThat(tomorrow.complaint().type()).as("a bought parcel chased").isEqualTo(ComplaintType.LOGISTICS);
            var before = score(Chat.zh().customer(0, "今天买 明天能到货吗").agent(2, "您好"));
            assertThat(before.complaint().type()).as("asked before buying").isEqualTo(ComplaintType.NONE);
            var question = score(Chat.en().customer(0, "Which cinema is showing the film tonight?").agent(2, "Hi there"));
            assertThat(question.complaint().type()).isEqualTo(ComplaintType.NONE);
        }

        @Test
        void aCalmChaseOfAParcelForTodayIsALowLogisticsComplaint() {
            var s = score(Chat.zh().customer(0, "你好我的快递今天能到吗").agent(2, "您好 已经在派送了"));
            assertThat(s.complaint().type()).isEqualTo(ComplaintType.LOGISTICS);
            assertThat(s.complaint().severity()).isEqualTo(ComplaintSeverity.LOW);
        }

        @Test
        void aForgottenPasswordIsARequestNotAComplaint() {
            var s = score(Chat.en().customer(0, "I forgot my password and I am unable to log in").agent(2, "Hi there"));
            assertThat(s.complaint().type()).isEqualTo(ComplaintType.NONE);
            var fault = score(Chat.en().customer(0, "I am unable to log in since the update").agent(2, "Hi there"));
            assertThat(fault.complaint().type()).isNotEqualTo(ComplaintType.NONE);
            // only the password: forgetting an order number says nothing about the parcel that never came
            var late = score(Chat.en().customer(0, "I forgot my order number but my parcel never arrived").agent(2, "Hi there"));
            assertThat(late.complaint().type()).isEqualTo(ComplaintType.LOGISTICS);
        }

        @Test
        void aCalmRequestToGetBackIntoAnAccountIsNoComplaintAnUpsetOneIs() {
            // dev en-ibm-0329, 0177: recovering an account or a taken-over login is a request (complaint.calmRequests)
            var calm = score(Chat.en().customer(0, "I'm trying to recover my long lost account, can you help me?")
                    .agent(2, "Hi there"));
            assertThat(calm.complaint().type()).isEqualTo(ComplaintType.NONE);
            var hacked = score(Chat.en().customer(0, "My account was compromised and now I can't sign in").agent(2, "Hi"));
            assertThat(hacked.complaint().type()).isEqualTo(ComplaintType.NONE);
            // upset, it is a complaint about the account again
            var upset = score(Chat.en().customer(0, "This is ridiculous!!! I have tried to recover my account for a week")
                    .agent(2, "Hi there"));
            assertThat(upset.complaint().type()).isNotEqualTo(ComplaintType.NONE);
            // a fault in the account is no request to get back in
            var fault = score(Chat.en().customer(0, "I can't log into my account since the update").agent(2, "Hi there"));
            assertThat(fault.complaint().type()).isNotEqualTo(ComplaintType.NONE);
        }

        @Test
        void aLeadFixesAFalseComplaintInTheRulebookNotInCode() throws Exception {
            // the same default rulebook without its notProblems: 没故障 is read as a fault again
            String yaml;
            try (var in = RulebookLoader.class.getResourceAsStream(RulebookLoader.DEFAULT_RESOURCE)) {
                yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            String without = yaml.replaceFirst("(?s)\\n  notProblems: \\[[^\\]]*\\]", "\n  notProblems: []");
            assertThat(without).isNotEqualTo(yaml);
            var scorer = new Scorer(CompiledRulebook.compile(RulebookLoader.fromYaml(without)));
            var chat = Chat.zh().customer(0, "没故障，不喜欢这个款 可以换吗").agent(2, "您好").build();
            assertThat(scorer.score(chat).complaint().type()).isNotEqualTo(ComplaintType.NONE);
            assertThat(ScorerFixture.DEFAULT.score(chat).complaint().type()).isEqualTo(ComplaintType.NONE);
        }

        @Test
        void theMoreSpecificPhraseDecidesTheType() {
            var s = score(Chat.en().customer(0, "Ordered using their app. Order was wrong and they charged my credit card twice")
                    .agent(2, "Please DM us."));
            assertThat(s.complaint().type()).isEqualTo(ComplaintType.OTHER);
        }
    }

    @Nested
    class PiiEcho {
        private static Outcome pii(String customer, String reply) {
            return finding(score(Chat.zh().customer(0, customer).agent(2, reply)), "pii-disclosure").outcome();
        }

        @Test
        void theAgentEchoingTheNumberTheCustomerJustGaveIsADisclosure() {
            assertThat(pii("电话号码吗 [数字x]", "稍等 [数字x]")).isEqualTo(Outcome.FAIL);
            // the same units as the other masked-number rules: [数字x]小时 is a time limit, not the number echoed
            assertThat(pii("电话号码吗 [数字x]", "好的 [数字x]小时内回电")).isEqualTo(Outcome.PASS);
        }

        @Test
        void theCompanysOwnNumbersAndAddressesAreNoDisclosure() {
            // half T zh-jddc-0888: the outbound numbers a callback will come from, after the customer gave his phone
            assertThat(pii("电话[数字x]", "我们的外呼号码会显示为:[数字x]、[数字x]")).isEqualTo(Outcome.PASS);
            // half T zh-jddc-0853, 0860 and dev zh-jddc-0314: a return address, where the parcel is now, where to post
            for (String reply : new String[] {"退货地址:上海[地址x] 亲亲", "目前是在烟台[地址x] 哦", "请将发票邮寄到地址:北京[地址x]"}) {
                assertThat(pii("我要退货", reply)).as(reply).isEqualTo(Outcome.PASS);
            }
            // half V zh-jddc-0939: the company's bank details for a transfer
            assertThat(pii("对公转账怎么转呢", "开户银行:招商银行北京[地址x] 账号:[数字x]")).isEqualTo(Outcome.PASS);
            // half AA zh-jddc-1161, 1120: the agent's own mailbox, a warehouse the parcel is in
            assertThat(pii("好的", "这是小妹的邮箱，您后续有采购方面需求的可以直接邮箱我哈[邮箱x]")).isEqualTo(Outcome.PASS);
            assertThat(pii("怎么不更新", "在佛山[地址x] 等接货仓发出了，就能更新信息了")).isEqualTo(Outcome.PASS);
            // half Y zh-jddc-1085: the address the customer asked where to post to
            assertThat(pii("帮我看看是寄哪个地址", "广东[地址x]")).isEqualTo(Outcome.PASS);
            // half AD zh-jddc-1276: where the goods ship from; 1275: the number read back, asked if it reaches him
            assertThat(pii("我要纸质发票", "您的货物由青岛[地址x] 青岛国税已经不开具纸质发票了哦")).isEqualTo(Outcome.PASS);
            assertThat(pii("还没到货就降了", "[数字x] 手机号码 能联系上您吗亲爱的")).isEqualTo(Outcome.FAIL);
            assertThat(pii("我要退货", "您的收货地址是上海[地址x]对吗")).as("the customer's own").isEqualTo(Outcome.FAIL);
        }

        @Test
        void aMaskedNumberWithoutTheCustomersPhoneOrAProductNumberIsNot() {
            assertThat(pii("这个有货吗", "游戏本I[数字x] SKU:[电话x]")).isEqualTo(Outcome.PASS);
            assertThat(pii("尺码多大", "这款是[数字x]码的")).isEqualTo(Outcome.PASS);
            // half M zh-jddc-0572: the number is the time limit of the callback, the phone is only asked for
            assertThat(pii("账号存在风险 不支持下单", "专员会在[数字x]小时之内联系到您哦，辛苦留个回电号码哦")).isEqualTo(Outcome.PASS);
            assertThat(pii("账号存在风险", "专员会通过[数字x]联系到您哦")).as("the number itself").isEqualTo(Outcome.FAIL);
            // an invoice's tax number the publisher masked as an ID is the organisation's
            assertThat(pii("发票抬头改一下", "修改内容为 抬头:[组织机构x] 税号:[身份证号x][数字x]XG 确认一下哦")).isEqualTo(Outcome.PASS);
            // half O: the contact details read back (zh-jddc-0678, 0688), not a station's number the customer asked for
            assertThat(pii("还没收到", "[数字x]你的联系方式正确请问还有其他还可以帮到您的吗?")).isEqualTo(Outcome.FAIL);
            assertThat(pii("您帮忙查下配送站的联系方式", "OK [数字x] 座机联系方式哦")).isEqualTo(Outcome.PASS);
            // unlabelled JDDC chats: an amount is no phone to echo, a number handed over to call, the invoice title read out
            assertThat(pii("我购买的这款手机今天就有满[数字x]元减[数字x]元的活动", "[数字x] 荣耀 V[数字x] 高配版 请问是这个商品吗?")).isEqualTo(Outcome.PASS);
            assertThat(pii("站点电话打不通", "稍等我帮您联系问下哦 [数字x] 这个号码 您可以联系下的哦")).isEqualTo(Outcome.PASS);
            assertThat(pii("发票开好了吗", "发票抬头 上海[地址x] 请问还有其他还可以帮到您的吗?")).isEqualTo(Outcome.PASS);
            assertThat(pii("实名认证", "您的身份证是[身份证号x]对吗")).isEqualTo(Outcome.FAIL);
        }

        @Test
        void aMaskedAddressIsADisclosureWhereTheSentenceOrTheCustomerMakesItTheCustomers() {
            assertThat(pii("我要改地址", "[订单x]订单号 收货地址 上海[地址x]")).isEqualTo(Outcome.FAIL);
            assertThat(pii("帮我看一下收件地址是什么", "稍等 湖北[地址x] 已经到达分拣中心")).isEqualTo(Outcome.FAIL);
            assertThat(pii("改一下", "是改到武汉[地址x]对吗")).isEqualTo(Outcome.FAIL);
            assertThat(pii("到哪了", "您的包裹今天派送至[地址x]")).isEqualTo(Outcome.FAIL);
            assertThat(pii("帮我登记一下", "好的，已为您登记 [地址x]")).as("a bare address off the route").isEqualTo(Outcome.FAIL);
        }

        @Test
        void aPlaceOnTheRouteAnInvoiceTitleOrAnAddressToSendBackToIsNot() {
            assertThat(pii("我的快递到哪了", "南昌[地址x] 预计明天送达")).isEqualTo(Outcome.PASS);
            assertThat(pii("发票抬头改成学校", "佛山[地址x] 税号已修改")).isEqualTo(Outcome.PASS);
            assertThat(pii("给我一个回寄的地址，我回寄过去。", "请您将发票邮寄到:北京[地址x] 收件人:发票组收")).isEqualTo(Outcome.PASS);
            assertThat(pii("电话没人接啊", "[姓名x] [电话x] 您试试这个电话")).isEqualTo(Outcome.PASS);
            assertThat(pii("[数字x]号买的现都没收到货", "已为您查看，此单包裹现已在北京[地址x]")).as("where the parcel is now").isEqualTo(Outcome.PASS);
            assertThat(pii("现在是锁定状态怎么办", "VA[电话x] -[数字x] 已操作一体机发车")).as("a waybill number").isEqualTo(Outcome.PASS);
        }

        @Test
        void aBareNumberRightAfterTheAgentAskedAboutThePhoneIsTheCustomersNumberReadBack() {
            var readBack = score(Chat.zh().customer(0, "我想看看我这个手机号 在哪里查到").agent(0, "是合约机的电话号吗?")
                    .customer(0, "就是两年[数字x]那个").agent(0, "[数字x]"));
            assertThat(finding(readBack, "pii-disclosure").outcome()).isEqualTo(Outcome.FAIL);
            var asked = score(Chat.zh().customer(0, "发票寄到哪").agent(0, "辛苦您提供下回电号码哦")
                    .customer(0, "给我一个地址吧。").agent(0, "[数字x]"));
            assertThat(finding(asked, "pii-disclosure").outcome()).as("what the customer asked for").isEqualTo(Outcome.PASS);
            assertThat(pii("这几样有货吗", "海南[地址x] 板栗红薯 约[金额x]kg 这个是没货的")).as("a place in a product's name").isEqualTo(Outcome.PASS);
        }

        @Test
        void aTimeOrAServiceNumberAfterTheCustomersPhoneIsNoEcho() {
            assertThat(pii("晚上七点后电话联系吧 [数字x]", "好的，这边[数字x]点后给您回电")).isEqualTo(Outcome.PASS);
            assertThat(pii("今天电话已回访 [数字x]", "服务单号: [数字x] 需要先取件的")).isEqualTo(Outcome.PASS);
            assertThat(pii("晚上七点后电话联系吧 [数字x]", "好的，[数字x] 这个号码对吗")).isEqualTo(Outcome.FAIL);
        }
    }
}

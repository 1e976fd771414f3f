package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.ScorerFixture.finding;
import static io.kefu.shared.domain.qa.ScorerFixture.score;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScorerChecksTest {

    @Nested
    class OpeningGreeting {
        @Test
        void firstAgentReplyWithGreetingPasses() {
            var f = finding(score(Chat.zh().customer(0, "在吗").agent(2, "亲，您好！很高兴为您服务～")), "greeting");
            assertThat(f.outcome()).isEqualTo(Outcome.PASS);
            assertThat(f.messageIndex()).isEqualTo(1);
            assertThat(f.reason()).contains("开场白");
        }

        @Test
        void traditionalCharactersAndFullWidthPunctuationStillMatch() {
            var f = finding(score(Chat.zh().customer(0, "請問在嗎").agent(2, "您好！很高興為您服務，請問有什麼可以幫您？")), "greeting");
            assertThat(f.outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void fullWidthLatinAndCaseAreFolded() {
            var f = finding(score(Chat.en().customer(0, "hey").agent(2, "ＨＥＬＬＯ， how can I help？")), "greeting");
            assertThat(f.outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void patternWithWildcardMatchesAgentIntroduction() {
            var f = finding(score(Chat.zh().customer(0, "在吗").agent(2, "我是小美客服，这边为您处理")), "greeting");
            assertThat(f.outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void paraphrasedStandardScriptPassesBySimilarity() {
            var f = finding(score(Chat.zh().customer(0, "在吗").agent(2, "您好，很开心为您服务，请问有什么能帮到您")), "greeting");
            assertThat(f.outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void botGreetingDoesNotCountAndMissingGreetingFailsInBothLanguages() {
            var zh = finding(score(Chat.zh().customer(0, "在吗").bot(1, "您好，欢迎光临").agent(2, "订单号发一下")), "greeting");
            assertThat(zh.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(zh.messageIndex()).isEqualTo(2);
            assertThat(zh.reason()).contains("缺少开场白");
            var en = finding(score(Chat.en().customer(0, "where is my order").agent(2, "order number?")), "greeting");
            assertThat(en.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(en.reason()).startsWith("First agent reply has no greeting");
        }

        @Test
        void aSalutationOrThanksForTheTweetGreetsButOhDearDoesNot() {
            for (String reply : new String[] {"Hiya Joanne, thanks for the positive feedback - Lara",
                    "Dear Ashutosh, Apologies for the trouble. Please DM us your contact number.",
                    "Thanks for the tweet Janet. Use smart sync to free up space.", "Glad to clarify. It is possible."}) {
                var f = finding(score(Chat.en().customer(0, "my sync is full").agent(2, reply)), "greeting");
                assertThat(f.outcome()).as(reply).isEqualTo(Outcome.PASS);
            }
            var f = finding(score(Chat.en().customer(0, "my sync is full").agent(2, "Oh dear, please restart the app.")),
                    "greeting");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void thanksForTheCustomersMessageGreetsButAConditionalOfferDoesNot() {
            for (String reply : new String[] {"Thanks for bringing this up. We've removed those listings.",
                    "Thank you for your reply. Please visit our recycling page.", "Appreciate the tag - try the Audio Library.",
                    "We appreciate your feedback about the new version!"}) {
                var s = score(Chat.en().customer(0, "why are you allowing this?").agent(2, reply));
                assertThat(finding(s, "greeting").outcome()).as(reply).isEqualTo(Outcome.PASS);
            }
            var patience = score(Chat.en().customer(0, "still broken").agent(2, "Thank you for your patience, please restart it."));
            assertThat(finding(patience, "greeting").outcome()).isEqualTo(Outcome.FAIL);
            var conditional = score(Chat.en().customer(0, "I didn't get my prize")
                    .agent(2, "We can look into this further for you if you submit your account info here."));
            assertThat(finding(conditional, "greeting").outcome()).isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class ClosingAndSatisfaction {
        @Test
        void politeEndPassesBoth() {
            var s = score(Chat.zh().customer(0, "好的").agent(2, "请问还有其他可以帮您的吗？").customer(5, "没有了")
                    .agent(2, "感謝您的耐心等待，祝您生活愉快！"));
            assertThat(finding(s, "satisfaction").outcome()).isEqualTo(Outcome.PASS);
            assertThat(finding(s, "closing").outcome()).isEqualTo(Outcome.PASS);
            assertThat(finding(s, "closing").messageIndex()).isEqualTo(3);
        }

        @Test
        void theOpenDoorInOtherWordsClosesButARequestToDmDoesNot() {
            for (String reply : new String[] {"If the bonus does not appear, please contact us for support: link *MS",
                    "Glad you like! Happy Travels! ✈ *HDV", "Feel free to DM if you'd like assistance with anything, Nelson."}) {
                assertThat(finding(score(Chat.en().customer(0, "ok").agent(2, reply)), "closing").outcome()).as(reply)
                        .isEqualTo(Outcome.PASS);
            }
            var dm = score(Chat.en().customer(0, "ok").agent(2, "Please reach out to us via DM with your order number."));
            assertThat(finding(dm, "closing").outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void aWishThatItWorksOutClosesAndAnOpenQuestionOfferAsks() {
            var wish = score(Chat.en().customer(0, "where is the album?")
                    .agent(2, "Hey there. It was removed for licensing. Hope this clears things up /SS"));
            assertThat(finding(wish, "closing").outcome()).isEqualTo(Outcome.PASS);
            var offer = score(Chat.en().customer(0, "my card may be exposed")
                    .agent(2, "Hi there, please use the chat button. Let us know if you have any questions."));
            assertThat(finding(offer, "satisfaction").outcome()).isEqualTo(Outcome.PASS);
            var link = score(Chat.en().customer(0, "where is my reward")
                    .agent(2, "Here is a Newswire article that may help answer your question: link"));
            assertThat(finding(link, "satisfaction").outcome()).as("a link offered, nothing asked").isEqualTo(Outcome.FAIL);
            var zh = score(Chat.zh().customer(0, "好的").agent(2, "亲亲 不懂的地方随时问妹子哦"));
            assertThat(finding(zh, "closing").outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void abruptEndFailsBothInEnglish() {
            var s = score(Chat.en().customer(0, "ok").agent(2, "Your refund was processed."));
            assertThat(finding(s, "satisfaction").outcome()).isEqualTo(Outcome.FAIL);
            assertThat(finding(s, "closing").outcome()).isEqualTo(Outcome.FAIL);
            assertThat(finding(s, "closing").reason()).contains("last 2 agent replies");
        }

        @Test
        void englishClosingAndSatisfactionPass() {
            var s = score(Chat.en().customer(0, "thanks").agent(2, "Is there anything else I can help with?")
                    .customer(3, "no").agent(2, "Thank you for contacting us, have a nice day!"));
            assertThat(finding(s, "satisfaction").outcome()).isEqualTo(Outcome.PASS);
            assertThat(finding(s, "closing").outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Nested
    class Empathy {
        @Test
        void notApplicableWhenCustomerNeverUpsetAndExcludedFromScore() {
            var s = score(Chat.zh().customer(0, "发什么快递").agent(2, "您好，发顺丰"));
            assertThat(finding(s, "empathy").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void apologyWithinTwoRepliesAfterAngerPasses() {
            var s = score(Chat.zh().customer(0, "太慢了！我要投诉").agent(2, "您好").agent(2, "非常理解您的心情，给您带来不便深感抱歉"));
            var f = finding(s, "empathy");
            assertThat(f.outcome()).isEqualTo(Outcome.PASS);
            assertThat(f.messageIndex()).isEqualTo(2);
        }

        @Test
        void angryPunctuationWithoutApologyFails() {
            var s = score(Chat.en().customer(0, "Where is my parcel?!").agent(2, "Order number?").agent(2, "It is in transit."));
            var f = finding(s, "empathy");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.reason()).contains("no empathy");
        }

        @Test
        void repeatedComplaintCountsAsUpsetAndLateApologyFails() {
            // was: the word 退款 said twice made the customer upset (issue 10); now the complaint itself repeats
            var s = score(Chat.zh().customer(0, "我的退款申请还没有处理").agent(2, "好的").customer(3, "我的退款申请怎么还没有处理")
                    .agent(2, "在处理").agent(2, "稍等").agent(2, "抱歉"));
            var f = finding(s, "empathy");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.messageIndex()).isEqualTo(3);
            assertThat(f.evidence()).contains("怎么还");
        }

        @Test
        void merchantStatingFactsWithRefundTwiceIsNotUpset() {
            var s = score(Chat.zh().customer(0, "你好，我这边申请了退款，订单号123").agent(2, "您好，已看到")
                    .customer(3, "退款到账后我再重新下单").agent(2, "好的"));
            assertThat(finding(s, "empathy").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void plainLanguageAngerIsUpset() {
            for (String anger : new String[] {"坑死人了", "你们这服务太离谱了", "you took my money and won't give it back"}) {
                var s = score(Chat.zh().customer(0, anger).agent(2, "您好，请提供订单号"));
                assertThat(finding(s, "empathy").outcome()).as(anger).isEqualTo(Outcome.FAIL);
            }
        }

        @Test
        void negatedEmotionIsNotUpset() {
            var s = score(Chat.zh().customer(0, "没有不满意，就是问问发货时间").agent(2, "您好，今天发货"));
            assertThat(finding(s, "empathy").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void empathyIsJudgedAfterEachUpsetTurn() {
            var s = score(Chat.zh().customer(0, "气死我了，还没发货").agent(2, "非常抱歉，马上为您催促").customer(30, "好")
                    .customer(600, "又没动静，你们太离谱了").agent(2, "已催").agent(2, "请耐心等待"));
            var f = finding(s, "empathy");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.evidence()).contains("离谱");
        }

        @Test
        void traditionalApologyCounts() {
            var s = score(Chat.zh().customer(0, "氣死我了").agent(2, "非常抱歉，給您帶來不便"));
            assertThat(finding(s, "empathy").outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Nested
    class ForbiddenAndRedLines {
        @Test
        void forbiddenPhraseFailsItemButNotWholeTranscript() {
            var s = score(Chat.zh().customer(0, "怎么用").agent(2, "您好，这个我不知道，你自己看说明书"));
            var f = finding(s, "forbidden");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.evidence()).isEqualTo("不知道");
            assertThat(f.reason()).contains("共2处");
            assertThat(s.status()).isNotEqualTo(QaStatus.FAIL);
        }

        @Test
        void forbiddenPhraseInTraditionalAndWithSpacesIsFound() {
            var s = score(Chat.zh().customer(0, "？").agent(2, "這 不歸我管"));
            assertThat(finding(s, "forbidden").outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void customerSwearingIsNotHeldAgainstTheAgent() {
            var s = score(Chat.en().customer(0, "you idiot, not my problem?").agent(2, "Hello, sorry about that"));
            assertThat(finding(s, "forbidden").outcome()).isEqualTo(Outcome.PASS);
            assertThat(finding(s, "insult").outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void englishSlangIsFound() {
            var s = score(Chat.en().customer(0, "hi").agent(2, "lol ok"));
            assertThat(finding(s, "slang").outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void insultIsARedLineThatZeroesTheScore() {
            var s = score(Chat.zh().customer(0, "还没发货").agent(2, "您好，你是不是有病吧"));
            assertThat(finding(s, "insult").outcome()).isEqualTo(Outcome.FAIL);
            assertThat(s.score()).isZero();
            assertThat(s.status()).isEqualTo(QaStatus.FAIL);
            assertThat(s.reviewReason()).isEqualTo(ReviewReason.RED_LINE);
        }

        @Test
        void englishInsultIsARedLine() {
            var s = score(Chat.en().customer(0, "hi").agent(2, "Shut up, you moron"));
            assertThat(s.status()).isEqualTo(QaStatus.FAIL);
            assertThat(finding(s, "insult").reason()).startsWith("Red line");
        }

        @Test
        void agentDisclosingPhoneNumberIsARedLineAndEvidenceIsRedacted() {
            var s = score(Chat.zh().customer(0, "我的电话是多少").agent(2, "您好，您的手机是138 1234 5678"));
            var f = finding(s, "pii-disclosure");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.evidence()).contains("[MOBILE]").doesNotContain("5678");
            assertThat(f.reason()).contains("mobile");
            assertThat(s.status()).isEqualTo(QaStatus.FAIL);
        }

        @Test
        void rescoringAStoredRedactedTranscriptStillFindsTheDisclosure() {
            var s = score(Chat.zh().customer(0, "我的电话是多少").agent(2, "您好，您的手机是[MOBILE]"));
            var f = finding(s, "pii-disclosure");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.reason()).contains("mobile");
            assertThat(s.status()).isEqualTo(QaStatus.FAIL);
        }

        @Test
        void customerGivingTheirOwnPhoneIsNotADisclosure() {
            var s = score(Chat.en().customer(0, "my number is 13812345678").agent(2, "Hello, thanks, noted."));
            assertThat(finding(s, "pii-disclosure").outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void agentQuotingOrderNumberIsNotADisclosure() {
            var s = score(Chat.zh().customer(0, "查单").agent(2, "您好，订单号 2024061512345678901 已发货，运单号SF1234567890123"));
            assertThat(finding(s, "pii-disclosure").outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Nested
    class Timing {
        @Test
        void firstResponseWithinThreeSecondsPassesAndBotDoesNotCount() {
            var fast = score(Chat.zh().customer(0, "在吗").agent(3, "您好"));
            assertThat(finding(fast, "first-response").outcome()).isEqualTo(Outcome.PASS);
            var slow = score(Chat.zh().customer(0, "在吗").bot(1, "您好，我是机器人").agent(40, "您好"));
            var f = finding(slow, "first-response");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.messageIndex()).isEqualTo(2);
            assertThat(f.reason()).contains("41秒");
        }

        @Test
        void noAgentReplyAtAllFailsFirstResponse() {
            var s = score(Chat.en().customer(0, "hello?").bot(1, "An agent will be with you shortly"));
            assertThat(finding(s, "first-response").outcome()).isEqualTo(Outcome.FAIL);
            assertThat(finding(s, "greeting").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void longestLaterWaitIsMeasuredFromFirstUnansweredCustomerMessage() {
            var s = score(Chat.en().customer(0, "hi").agent(2, "Hello")
                    .customer(5, "my order?").customer(30, "hello??").agent(50, "Checking"));
            var f = finding(s, "reply-gap");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.reason()).contains("80 s");
            assertThat(f.messageIndex()).isEqualTo(4);
        }

        @Test
        void replyGapWithinLimitPassesAndOnlyOneWaitIsNotApplicable() {
            var ok = score(Chat.zh().customer(0, "在吗").agent(2, "您好").customer(5, "发货了吗").agent(20, "已发货"));
            assertThat(finding(ok, "reply-gap").outcome()).isEqualTo(Outcome.PASS);
            var one = score(Chat.zh().customer(0, "在吗").agent(2, "您好"));
            assertThat(finding(one, "reply-gap").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }

    @Nested
    class Promises {
        @Test
        void promiseIsRecordedWithDueTimeAndNotScored() {
            var s = score(Chat.zh().customer(0, "什么时候到").agent(2, "您好，我帮您核实一下，稍后给您回复哦"));
            var f = finding(s, "promise");
            assertThat(f.outcome()).isEqualTo(Outcome.INFO);
            assertThat(f.points()).isZero();
            assertThat(s.promises()).singleElement().satisfies(p -> {
                assertThat(p.messageIndex()).isEqualTo(1);
                assertThat(p.agentId()).isEqualTo("a-1");
                assertThat(p.dueBy()).isEqualTo(Chat.T0.plusSeconds(2).plusSeconds(24 * 3600));
            });
        }

        @Test
        void englishPromiseWithPatternIsRecorded() {
            var s = score(Chat.en().customer(0, "status?").agent(2, "I'll check with the warehouse and get back to you"));
            assertThat(s.promises()).hasSize(1);
            var none = score(Chat.en().customer(0, "status?").agent(2, "It was delivered."));
            assertThat(none.promises()).isEmpty();
            assertThat(finding(none, "promise").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void anAnswerToComeInOtherWordsIsAPromiseButWhatAnotherTeamCouldDoIsNot() {
            for (String reply : new String[] {"Thanks so much, and you should hear back from us soon. -Becky",
                    "Our team will give it a look and reach out shortly.", "If anything changes, we'll keep you posted."}) {
                assertThat(score(Chat.en().customer(0, "any news?").agent(2, reply)).promises()).as(reply).hasSize(1);
            }
            var process = score(Chat.en().customer(0, "any news?")
                    .agent(2, "Please send us your full name so our Social Care Team can follow up with you."));
            assertThat(process.promises()).isEmpty();
        }
    }

    @Nested
    class Transfer {
        @Test
        void announcedTransferWithoutRepeatPasses() {
            var s = score(Chat.zh().customer(0, "我要开发票").agent(2, "您好，这边为您转接发票专员，已为您备注问题")
                    .system(1, "会话已转接").agent2(5, "您好，看到您要开发票，马上处理"));
            var f = finding(s, "transfer");
            assertThat(f.outcome()).isEqualTo(Outcome.PASS);
            assertThat(f.messageIndex()).isEqualTo(1);
        }

        @Test
        void unannouncedTransferFails() {
            // was: any change of agent id counted as a transfer (issue 10); now the system notice is the signal
            var s = score(Chat.en().customer(0, "invoice please").agent(2, "Hello").system(1, "Chat transferred to a-2")
                    .agent2(5, "Hi, I handle invoices"));
            var f = finding(s, "transfer");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.reason()).contains("not announced");
        }

        @Test
        void teamAnsweringInTurnsIsNoTransfer() {
            var s = score(Chat.zh().customer(0, "发货了吗").agent(2, "您好，已发货").customer(5, "好的")
                    .agent2(5, "您好，还有其他问题吗").customer(5, "没了").agent(3, "感谢您，祝您生活愉快"));
            assertThat(finding(s, "transfer").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void transferAnnouncedInTheAgentsOwnWordsIsSeen() {
            var s = score(Chat.zh().customer(0, "我要退货").agent(2, "您好，我帮您转接售后专员").agent2(5, "您好，看到您要退货，马上处理"));
            var f = finding(s, "transfer");
            assertThat(f.outcome()).isEqualTo(Outcome.PASS);
            assertThat(f.messageIndex()).isEqualTo(1);
        }

        @Test
        void customerHavingToRepeatTheProblemAfterTheTransferFails() {
            var s = score(Chat.zh().customer(0, "我买的电饭煲煮饭一直糊底，想换一个").agent(2, "您好，为您转接售后专员")
                    .system(1, "会话已转接").agent2(5, "您好").customer(5, "我买的电饭煲煮饭一直糊底，想换一个新的"));
            var f = finding(s, "transfer");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.messageIndex()).isEqualTo(4);
        }

        @Test
        void askingCustomerToRepeatAfterTransferFails() {
            var s = score(Chat.zh().customer(0, "我要开发票").agent(2, "为您转接专员").system(1, "會話已轉接")
                    .agent2(5, "您好，请再说一下您的问题"));
            var f = finding(s, "transfer");
            assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(f.messageIndex()).isEqualTo(3);
        }

        @Test
        void noTransferIsNotApplicable() {
            assertThat(finding(score(Chat.zh().customer(0, "在吗").agent(2, "您好")), "transfer").outcome())
                    .isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }

    @Nested
    class ComplaintGrading {
        @Test
        void regulatorThreatOnQualityIssueIsHighSeverity() {
            var s = score(Chat.zh().customer(0, "收到的杯子碎了，质量太差，再不处理我就打12315").agent(2, "非常抱歉"));
            assertThat(s.complaint().type()).isEqualTo(ComplaintType.PRODUCT_QUALITY);
            assertThat(s.complaint().severity()).isEqualTo(ComplaintSeverity.HIGH);
            assertThat(s.complaint().signals()).containsExactly(EscalationSignal.REGULATOR);
        }

        @Test
        void repeatedContactAboutDeliveryIsMedium() {
            var s = score(Chat.en().customer(0, "This is the third time I ask, my parcel has not arrived").agent(2, "Sorry"));
            assertThat(s.complaint().type()).isEqualTo(ComplaintType.LOGISTICS);
            assertThat(s.complaint().severity()).isEqualTo(ComplaintSeverity.MEDIUM);
        }

        @Test
        void misleadingDescriptionAndLawyer() {
            var s = score(Chat.zh().customer(0, "和图片不一样，货不对板，我找律师").agent(2, "抱歉"));
            assertThat(s.complaint().type()).isEqualTo(ComplaintType.MISLEADING_DESCRIPTION);
            assertThat(s.complaint().signals()).contains(EscalationSignal.LEGAL);
        }

        @Test
        void plainQuestionIsNoComplaint() {
            var s = score(Chat.zh().customer(0, "这款有红色吗").agent(2, "您好，有的"));
            assertThat(s.complaint()).isEqualTo(ComplaintGrade.none().withModel(ComplaintTypeModel.bundled().id()));
        }
    }
}

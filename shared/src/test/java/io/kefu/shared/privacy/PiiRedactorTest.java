package io.kefu.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我的手机号13812345678|我的手机号[MOBILE]",
            "电话 138 1234 5678 谢谢|电话 [MOBILE] 谢谢",
            "call 138-1234-5678 please|call [MOBILE] please",
            "+86 13912345678|[MOBILE]",
            "座机 021-12345678|座机 [PHONE]",
            "(010) 87654321|[PHONE]",
            "身份证11010519491231002X|身份证[ID]",
            "card 4111 1111 1111 1111 ok|card [CARD] ok",
            "卡号6011111111111117|卡号[CARD]",
            "mail me at li.lei+shop@example.com.cn|mail me at [EMAIL]",
            "ship to 221 Baker Street, Apt 2 please|ship to [ADDRESS] please",
    })
    void redactsPersonalData(String raw, String expected) {
        assertThat(PiiRedactor.redact(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "订单号 2024061512345678901 还没发货",
            "运单号SF1234567890123",
            "圆通 YT7712345678901 查一下",
            "JD0098765432101 已签收",
            "订单号：110105194912310021",
            "编号 1234567812345678",
            "12345678901 不是手机号",
            "价格¥1399.00, 日期2024-06-15",
            "order #4111111111111111",
            "退款 58.5 元，预计3-5个工作日",
            "110105194912310023",
    })
    void leavesOrderNumbersTrackingNumbersAndNearMissesAlone(String text) {
        assertThat(PiiRedactor.redact(text)).isEqualTo(text);
        assertThat(PiiRedactor.containsPii(text)).isFalse();
    }

    @Test
    void aTollFreeHotlineIsACompanysNumberButTheSameDigitsUnseparatedAreAMobile() {
        assertThat(PiiRedactor.containsPii("You may contact them via phone here: 1 (800) 642 7676")).isFalse();
        assertThat(PiiRedactor.containsPii("Call 1-888-275-2273 for Apple Support")).isFalse();
        assertThat(PiiRedactor.redact("我的手机 18006427676")).doesNotContain("18006427676");
        // 1-899 is no toll-free code: the grouping alone does not make a hotline
        assertThat(PiiRedactor.redact("call me on 1-899-642-7676")).doesNotContain("642-7676");
    }

    @Test
    void aCompanysRoleMailboxIsNoPersonsAddressButTheSameNameOnFreeMailIs() {
        assertThat(PiiRedactor.containsPii("Please forward this to abuse@chase.com as an attachment.")).isFalse();
        assertThat(PiiRedactor.containsPii("forward the messages in an email to reportphish@wellsfargo.com")).isFalse();
        assertThat(PiiRedactor.redact("write to support@gmail.com")).isEqualTo("write to [EMAIL]");
        assertThat(PiiRedactor.redact("mail me at abuse.team@chase.com")).isEqualTo("mail me at [EMAIL]");
        assertThat(PiiRedactor.redact("mail me at jane@chase.com")).isEqualTo("mail me at [EMAIL]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "寄到上海市浦东新区张江路88号3栋1201室吧|张江路88号",
            "送到北京市朝阳区建国路 100 号|建国路 100 号",
            "地址：杭州市西湖区文三路 478 号|文三路 478 号",
    })
    void redactsChineseStreetAddressesLeaningTowardsOverRedaction(String raw, String street) {
        String redacted = PiiRedactor.redact(raw);
        assertThat(redacted).contains("[ADDRESS]").doesNotContain(street).doesNotContain("1201");
    }

    @Test
    void checkDigitAndLuhnAreVerified() {
        assertThat(PiiRedactor.idCheckDigitValid("11010519491231002X")).isTrue();
        assertThat(PiiRedactor.idCheckDigitValid("110105194912310021")).isFalse();
        assertThat(PiiRedactor.luhnValid("4111111111111111")).isTrue();
        assertThat(PiiRedactor.luhnValid("4111111111111112")).isFalse();
    }

    @Test
    void reportsKindsWithoutValues() {
        var matches = PiiRedactor.find("13812345678 / a@b.co");
        assertThat(PiiRedactor.kinds(matches)).isEqualTo("mobile,email");
    }
}

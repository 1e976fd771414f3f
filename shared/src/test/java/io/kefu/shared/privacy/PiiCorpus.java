package io.kefu.shared.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A labelled corpus for measuring PII redaction: each sample is a sentence as an agent or a
 * customer would type it, the PII values it contains (must disappear) and the near-miss values it
 * contains (order numbers, tracking numbers, amounts, dates: must survive). Generated from a fixed
 * seed so the figures are reproducible; the generators produce valid check digits (ID numbers,
 * Luhn) where the real thing has them, and near-misses that fail them.
 */
final class PiiCorpus {
    record Sample(String kind, String text, List<String> pii, List<String> keep) {}

    private static final String[] MOBILE_PREFIXES = {"130", "135", "138", "139", "150", "152", "158", "166", "177", "186", "188", "199"};
    private static final String[] AREA_CODES = {"010", "021", "020", "0755", "0571", "028", "027", "0512"};
    private static final String[] REGION_CODES = {"110101", "310104", "440305", "330106", "510107", "420106"};
    private static final String[] CITIES = {"北京市朝阳区", "上海市浦东新区", "广州市天河区", "深圳市南山区", "杭州市西湖区", "成都市武侯区"};
    private static final String[] STREETS = {"建国路", "世纪大道", "天河路", "科技园南路", "文三路", "人民南路"};
    private static final String[] EN_STREETS = {"Main Street", "Oak Avenue", "Market St", "Elm Road", "Harbour Blvd"};
    private static final String[] CARRIER_PREFIXES = {"SF", "YT", "ZTO", "JDVA", "YD"};
    private static final String[] EMAIL_DOMAINS = {"qq.com", "163.com", "gmail.com", "example.cn", "outlook.com"};

    private final Random random = new Random(20261128L);

    static List<Sample> generate() {
        return new PiiCorpus().build();
    }

    private List<Sample> build() {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String mobile = mobile();
            String shown = switch (i % 5) {
                case 0 -> mobile;
                case 1 -> mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
                case 2 -> mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
                case 3 -> "+86 " + mobile;
                default -> "+86-" + mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
            };
            out.add(new Sample("mobile", (i % 2 == 0 ? "亲，您的手机号是" : "My phone is ") + shown + (i % 2 == 0 ? "对吗？" : ", right?"),
                    List.of(shown), List.of()));
        }
        for (int i = 0; i < 20; i++) {
            String area = AREA_CODES[i % AREA_CODES.length];
            String local = digits(area.length() == 3 ? 8 : (i % 2 == 0 ? 7 : 8));
            String landline = area + "-" + local;
            out.add(new Sample("landline", "请拨打我们门店电话" + landline + "联系", List.of(landline), List.of()));
        }
        for (int i = 0; i < 40; i++) {
            String id = idNumber();
            out.add(new Sample("id", (i % 2 == 0 ? "身份证号" : "ID number: ") + id + (i % 2 == 0 ? "，请核对" : " for customs"),
                    List.of(id), List.of()));
        }
        for (int i = 0; i < 40; i++) {
            String card = luhnCard(i % 3 == 0 ? 19 : 16);
            String shown = i % 4 == 1 ? spaced(card, 4) : card;
            out.add(new Sample("bankcard", (i % 2 == 0 ? "退款到银行卡" : "Refund to card ") + shown, List.of(shown), List.of()));
        }
        for (int i = 0; i < 30; i++) {
            String email = "user" + digits(4) + (i % 3 == 0 ? ".vip" : "") + "@" + EMAIL_DOMAINS[i % EMAIL_DOMAINS.length];
            out.add(new Sample("email", (i % 2 == 0 ? "发票发到邮箱" : "Send the invoice to ") + email, List.of(email), List.of()));
        }
        for (int i = 0; i < 30; i++) {
            String address;
            String text;
            if (i % 3 == 2) {
                address = (100 + random.nextInt(9000)) + " " + EN_STREETS[i % EN_STREETS.length];
                text = "Please ship to " + address + ", Springfield";
            } else {
                address = CITIES[i % CITIES.length] + STREETS[i % STREETS.length] + (1 + random.nextInt(300)) + "号"
                        + (i % 2 == 0 ? (1 + random.nextInt(30)) + "栋" + (101 + random.nextInt(2000)) + "室" : "");
                text = "收货地址改成" + address + "，谢谢";
            }
            out.add(new Sample("address", text, List.of(address), List.of()));
        }
        // Several kinds in one message, as customers paste them.
        for (int i = 0; i < 20; i++) {
            String mobile = mobile();
            String email = "buyer" + digits(3) + "@qq.com";
            String order = orderNumber();
            out.add(new Sample("mixed", "订单" + order + "，联系人电话" + mobile + "，邮箱" + email,
                    List.of(mobile, email), List.of(order)));
        }
        // Near-misses: must survive untouched.
        for (int i = 0; i < 30; i++) {
            String order = orderNumber();
            out.add(new Sample("near-order", "您的订单号" + order + "已经发货了", List.of(), List.of(order)));
        }
        for (int i = 0; i < 25; i++) {
            String tracking = CARRIER_PREFIXES[i % CARRIER_PREFIXES.length] + digits(12);
            out.add(new Sample("near-tracking", "Tracking number " + tracking + " is in transit", List.of(), List.of(tracking)));
        }
        for (int i = 0; i < 15; i++) {
            String amount = "¥" + (10 + random.nextInt(5000)) + "." + digits(2);
            String date = "2026-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28));
            out.add(new Sample("near-amount-date", "实付" + amount + "，预计" + date + "送达", List.of(), List.of(amount, date)));
        }
        for (int i = 0; i < 15; i++) {
            String badId = idNumberWithWrongCheckDigit();
            out.add(new Sample("near-bad-id", "商品编码" + badId, List.of(), List.of(badId)));
        }
        for (int i = 0; i < 15; i++) {
            String notMobile = "1" + (random.nextBoolean() ? "0" : "2") + digits(9);
            out.add(new Sample("near-11-digits", "流水号" + notMobile, List.of(), List.of(notMobile)));
        }
        return out;
    }

    private String mobile() {
        return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(8);
    }

    private String orderNumber() {
        // 16-19 digits that fail Luhn, the way e-commerce order ids look without being cards.
        while (true) {
            String candidate = "2026" + digits(12 + random.nextInt(4));
            if (!luhnValid(candidate)) {
                return candidate;
            }
        }
    }

    private String idNumber() {
        String body = REGION_CODES[random.nextInt(REGION_CODES.length)]
                + (1960 + random.nextInt(45)) + two(1 + random.nextInt(12)) + two(1 + random.nextInt(28)) + digits(3);
        return body + idCheckDigit(body);
    }

    private String idNumberWithWrongCheckDigit() {
        String valid = idNumber();
        char right = valid.charAt(17);
        char wrong = right == '0' ? '1' : (right == 'X' ? '2' : (char) (right == '9' ? '0' : right + 1));
        return valid.substring(0, 17) + wrong;
    }

    static char idCheckDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String codes = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return codes.charAt(sum % 11);
    }

    private String luhnCard(int length) {
        String body = (random.nextBoolean() ? "62" : "45") + digits(length - 3);
        for (int d = 0; d <= 9; d++) {
            if (luhnValid(body + d)) {
                return body + d;
            }
        }
        throw new IllegalStateException("unreachable: one check digit always satisfies Luhn");
    }

    static boolean luhnValid(String number) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int d = number.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String spaced(String value, int group) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && i % group == 0) {
                out.append(' ');
            }
            out.append(value.charAt(i));
        }
        return out.toString();
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }
}

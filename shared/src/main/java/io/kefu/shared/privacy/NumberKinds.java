package io.kefu.shared.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which kind of personal number a candidate digit string is, if any: a Chinese mobile (optionally +86/0086),
 * a landline (area code 0xx/0xxx and 7-8 digits), an 18-character resident ID (GB 11643: birth date and check
 * digit), a bank card (Luhn, and an issuer prefix). IDs and cards right after an order / waybill word are order
 * numbers; a card or ID word nearer to the number ("订单...，身份证 1101...", "card no. 6222") wins over it.
 */
final class NumberKinds {
    private static final int CONTEXT = 16;
    private static final String[] ORDER_WORDS = {"订单", "单号", "運單", "运单", "快递", "快遞", "物流", "工单", "售后单",
            "退货单", "发票", "發票", "条码", "货号", "序列号", "会员号", "order", "tracking", "waybill", "parcel",
            "shipment", "invoice", "sku", "ref", "imei", "serial"};
    private static final String[] PERSONAL_WORDS = {"卡", "身份证", "身份證", "证件", "證件", "账号", "帳號", "账户",
            "户名", "card", "id", "account"};

    /** The NANP toll-free area codes in service (FCC, 47 CFR 52.101 and the 8YY codes opened since). */
    private static final Set<String> TOLL_FREE_CODES = Set.of("800", "833", "844", "855", "866", "877", "888");

    private NumberKinds() {}

    static PiiKind classify(CharSequence digits, boolean checkX, List<DigitRuns.Run> runs, FoldedText first, int start) {
        int n = digits.length();
        if (checkX) {
            return n == 17 && idValid(digits + "X") && !afterOrderWord(first, start) ? PiiKind.ID_NUMBER : null;
        }
        if (tollFree(digits, runs)) {
            return null; // a company's hotline (docs/qa-gold-format.md "pii-disclosure"), not a person's number
        }
        if (mobile(digits)) {
            return PiiKind.MOBILE;
        }
        if (landline(digits, runs)) {
            return PiiKind.LANDLINE;
        }
        if (n == 18 && idValid(digits.toString())) {
            return afterOrderWord(first, start) ? null : PiiKind.ID_NUMBER;
        }
        if (card(digits.toString())) {
            return afterOrderWord(first, start) ? null : PiiKind.BANK_CARD;
        }
        return null;
    }

    /**
     * A North American toll-free number written as one ("1 (800) 642 7676", "1-888-275-2273"): 1, a 3-digit 8xx
     * toll-free code, 3 and 4 digits. Only in that grouping: unseparated, 18006427676 is a Chinese mobile.
     */
    private static boolean tollFree(CharSequence digits, List<DigitRuns.Run> runs) {
        if (digits.length() != 11 || runs.size() != 4 || digits.charAt(0) != '1') {
            return false;
        }
        int[] grouping = {1, 3, 3, 4};
        for (int i = 0; i < 4; i++) {
            if (runs.get(i).digits() != grouping[i]) {
                return false;
            }
        }
        return TOLL_FREE_CODES.contains(digits.subSequence(1, 4).toString());
    }

    private static boolean mobile(CharSequence digits) {
        String d = digits.toString();
        if (d.length() == 13 && d.startsWith("86")) {
            d = d.substring(2);
        } else if (d.length() == 15 && d.startsWith("0086")) {
            d = d.substring(4);
        }
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9';
    }

    /** "010-62345678", "(021)6438 1234", "0755.2688.1234"; unseparated only in the full 11-12 digit form. */
    private static boolean landline(CharSequence digits, List<DigitRuns.Run> runs) {
        int n = digits.length();
        if (n < 10 || n > 12 || digits.charAt(0) != '0' || digits.charAt(1) == '0') {
            return false;
        }
        int area = runs.size() > 1 ? runs.get(0).digits() : (digits.charAt(1) <= '2' ? 3 : 4);
        if (area < 3 || area > 4 || (area == 3 && digits.charAt(1) > '2')) {
            return false;
        }
        int subscriber = n - area;
        char firstSubscriber = digits.charAt(area);
        char lowest = runs.size() > 1 ? '0' : '2'; // an explicit area code leaves less doubt
        return subscriber >= 7 && subscriber <= 8 && firstSubscriber >= lowest && firstSubscriber <= '9';
    }

    private static boolean card(String d) {
        int n = d.length();
        char issuer = d.charAt(0);
        boolean shaped = switch (n) {
            case 16, 19 -> issuer == '3' || issuer == '4' || issuer == '5' || issuer == '6' || issuer == '9';
            case 15 -> d.startsWith("34") || d.startsWith("37");
            case 17, 18 -> d.startsWith("62");
            default -> false;
        };
        return shaped && luhnValid(d);
    }

    static boolean idValid(String id) {
        if (id.length() != 18 || id.charAt(0) == '0') {
            return false;
        }
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        return idCheckDigitValid(id);
    }

    /** GB 11643: weighted sum of the first 17 digits mod 11 selects the check character. */
    static boolean idCheckDigitValid(String id) {
        if (id.length() != 18) {
            return false;
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] checks = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return Character.toUpperCase(id.charAt(17)) == checks[sum % 11];
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
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

    /** The nearest context word before the number is an order/waybill word, not a card/ID word. */
    private static boolean afterOrderWord(FoldedText text, int start) {
        String window = text.text().substring(Math.max(0, start - CONTEXT), start).toLowerCase(Locale.ROOT);
        return nearest(window, ORDER_WORDS) > nearest(window, PERSONAL_WORDS);
    }

    /** End position of the last whole-word occurrence of any of the words in the window, or -1. */
    private static int nearest(String window, String[] words) {
        int best = -1;
        for (String word : words) {
            for (int at = window.lastIndexOf(word); at >= 0; at = window.lastIndexOf(word, at - 1)) {
                boolean latin = word.charAt(0) < 0x80;
                boolean whole = !latin || ((at == 0 || !asciiLetter(window.charAt(at - 1)))
                        && (at + word.length() == window.length() || !asciiLetter(window.charAt(at + word.length()))));
                if (whole) {
                    best = Math.max(best, at + word.length());
                    break;
                }
                if (at == 0) {
                    break;
                }
            }
        }
        return best;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

package io.kefu.shared.privacy;

import java.util.Locale;
import java.util.Set;

/**
 * A company's role mailbox (abuse@chase.com, support@example.com) is no person's data, as a toll-free hotline is no
 * person's number: the agent handing it over to report phishing or to write in discloses nothing. The names are
 * RFC 2142's ("Mailbox names for common services, roles and functions") and the support and fraud-report mailboxes
 * companies publish the same way. On a free-mail domain the same name is somebody's own account, so it stays personal.
 */
final class RoleMailboxes {
    private static final Set<String> ROLES = Set.of(
            // RFC 2142
            "info", "marketing", "sales", "support", "abuse", "noc", "security", "postmaster", "hostmaster", "usenet",
            "news", "webmaster", "www", "uucp", "ftp",
            // support and fraud-report mailboxes
            "help", "care", "service", "customerservice", "customercare", "privacy", "phishing", "reportphish",
            "spoof", "feedback", "noreply", "no-reply", "contact");
    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com",
            "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "mail.com", "qq.com", "foxmail.com", "163.com",
            "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "139.com", "aliyun.com");

    private RoleMailboxes() {}

    /** Whether {@code address} (local@domain) is a role mailbox of a company domain. */
    static boolean isRole(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return false;
        }
        String local = address.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        return ROLES.contains(local) && !FREE_MAIL.contains(domain);
    }
}

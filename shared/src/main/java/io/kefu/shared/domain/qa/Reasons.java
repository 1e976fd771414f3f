package io.kefu.shared.domain.qa;

import java.util.Map;

/** Human-readable finding reasons in the transcript's language (zh-CN first, en). */
final class Reasons {
    private record Text(String zh, String en) {}

    private static final Map<String, Text> TEXTS = Map.ofEntries(
            Map.entry("no-agent-reply", new Text("会话中没有人工客服回复", "No agent reply in the chat")),
            Map.entry("greeting.pass", new Text("首条客服回复包含开场白「%s」", "First agent reply greets the customer: \"%s\"")),
            Map.entry("greeting.fail", new Text("首条客服回复缺少开场白（如「%s」）", "First agent reply has no greeting (e.g. \"%s\")")),
            Map.entry("closing.pass", new Text("结束时使用了结束语「%s」", "Chat closed politely: \"%s\"")),
            Map.entry("closing.fail", new Text("最后%d条客服回复中没有结束语（如「%s」）", "None of the last %d agent replies closes politely (e.g. \"%s\")")),
            Map.entry("satisfaction.pass", new Text("结束前确认了客户满意「%s」", "Agent asked whether the customer is satisfied: \"%s\"")),
            Map.entry("satisfaction.fail", new Text("最后%d条客服回复中未确认客户是否满意（如「%s」）", "None of the last %d agent replies asks whether the problem is solved (e.g. \"%s\")")),
            Map.entry("empathy.na", new Text("客户未表现出负面情绪，不适用", "Customer was never upset: not applicable")),
            Map.entry("empathy.pass", new Text("客户情绪激动后，客服及时安抚「%s」", "Agent empathised after the customer got upset: \"%s\"")),
            Map.entry("empathy.fail", new Text("客户表达不满（「%s」）后，%d条客服回复内未安抚或致歉", "Customer got upset (\"%s\") and the next %d agent replies show no empathy or apology")),
            Map.entry("forbidden.pass", new Text("未使用禁语", "No forbidden phrase used")),
            Map.entry("forbidden.fail", new Text("客服使用了禁语「%s」（共%d处）", "Agent used a forbidden phrase: \"%s\" (%d in total)")),
            Map.entry("redline.pass", new Text("未触碰红线", "No red line crossed")),
            Map.entry("redline.fail", new Text("红线：客服使用了「%s」，整通会话判为不合格", "Red line: the agent wrote \"%s\"; the whole chat fails")),
            Map.entry("pii.pass", new Text("客服未泄露个人信息", "Agent disclosed no personal data")),
            Map.entry("pii.fail", new Text("红线：客服消息泄露了个人信息（%s）", "Red line: the agent disclosed personal data (%s)")),
            Map.entry("first-response.na", new Text("客户未发送消息，不适用", "Customer sent no message: not applicable")),
            Map.entry("first-response.none", new Text("客户发消息后没有人工客服回复", "No agent ever replied to the customer")),
            Map.entry("first-response.pass", new Text("首次响应%d秒（标准%d秒内）", "First response after %d s (limit %d s)")),
            Map.entry("first-response.fail", new Text("首次响应%d秒，超过%d秒", "First response after %d s, over the %d s limit")),
            Map.entry("gap.na", new Text("首次响应后没有再次等待，不适用", "No later wait for an agent reply: not applicable")),
            Map.entry("gap.pass", new Text("最长回复间隔%d秒（标准%d秒内）", "Longest wait for a reply %d s (limit %d s)")),
            Map.entry("gap.fail", new Text("客户等待回复%d秒，超过%d秒", "Customer waited %d s for a reply, over the %d s limit")),
            Map.entry("promise.na", new Text("客服未作出需跟进的承诺", "Agent made no promise to follow up")),
            Map.entry("promise.info", new Text("客服承诺稍后回复「%s」，已生成跟进任务（截止%s）", "Agent promised to get back (\"%s\"): follow-up task due %s")),
            Map.entry("transfer.na", new Text("会话未转接，不适用", "Chat was not transferred: not applicable")),
            Map.entry("transfer.pass", new Text("转接前已告知客户「%s」，且未要求客户重复问题", "Transfer announced (\"%s\") and the customer was not asked to repeat")),
            Map.entry("transfer.unannounced", new Text("转接前未告知客户（如「%s」）", "Transfer was not announced to the customer (e.g. \"%s\")")),
            Map.entry("complaint.model", new Text("投诉类型模型（把握%s）：%s", "complaint-type model (%s sure): %s")),
            Map.entry("complaint.overruled", new Text("投诉类型模型（把握%s）推翻了词表的%s：%s",
                    "complaint-type model (%s sure) over the lists' %s: %s")),
            Map.entry("check.found", new Text("%s：找到「%s」", "%s: found \"%s\"")),
            Map.entry("check.missing", new Text("%s：未找到要求的内容", "%s: the required condition was not found")),
            Map.entry("check.absent", new Text("%s：未出现", "%s: not found, as required")),
            Map.entry("check.forbidden", new Text("%s：出现了「%s」", "%s: found \"%s\"")),
            Map.entry("section.autofail", new Text("（「%s」部分因%s不合格判为0分）", "(section %s zeroed: %s failed)")),
            Map.entry("transfer.repeat", new Text("转接后要求客户重复问题「%s」", "After the transfer the customer was asked to repeat: \"%s\"")));

    private Reasons() {}

    /** Every template split at its placeholders once: {@code parts[0] arg0 parts[1] arg1 ... parts[n]}. */
    private record Split(String[] zh, String[] en) {}

    private static final Map<String, Split> SPLIT = split();

    private static Map<String, Split> split() {
        Map<String, Split> out = new java.util.HashMap<>();
        TEXTS.forEach((key, text) -> out.put(key, new Split(parts(text.zh()), parts(text.en()))));
        return out;
    }

    private static String[] parts(String template) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int from = 0;
        for (int at = template.indexOf('%'); at >= 0 && at + 1 < template.length(); at = template.indexOf('%', from)) {
            parts.add(template.substring(from, at));
            from = at + 2;
        }
        parts.add(template.substring(from));
        return parts.toArray(String[]::new);
    }

    static String of(Lang lang, String key, Object... args) {
        Split split = SPLIT.get(key);
        if (split == null) {
            throw new IllegalArgumentException("no reason text " + key);
        }
        String[] parts = lang == Lang.EN ? split.en() : split.zh();
        if (parts.length == 1) {
            return parts[0]; // no placeholder: most findings ("未使用禁语", "... not applicable")
        }
        // String.join sizes the result once (length and Latin-1/UTF-16 coder), unlike a growing StringBuilder
        String[] pieces = new String[2 * parts.length - 1];
        pieces[0] = parts[0];
        for (int i = 1; i < parts.length; i++) {
            // a missing argument renders as nothing
            pieces[2 * i - 1] = i - 1 < args.length ? String.valueOf(args[i - 1]) : "";
            pieces[2 * i] = parts[i];
        }
        return String.join("", pieces);
    }
}

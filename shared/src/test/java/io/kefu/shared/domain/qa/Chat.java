package io.kefu.shared.domain.qa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test builder: a chat as a script of lines with offsets in seconds. */
final class Chat {
    static final Instant T0 = Instant.parse("2026-11-11T02:00:00Z");
    private final String locale;
    private final List<Message> messages = new ArrayList<>();
    private String id = "t-1";
    private int at;

    private Chat(String locale) {
        this.locale = locale;
    }

    static Chat zh() {
        return new Chat("zh-CN");
    }

    static Chat en() {
        return new Chat("en");
    }

    Chat id(String value) {
        id = value;
        return this;
    }

    Chat customer(int afterSeconds, String text) {
        return add(Role.CUSTOMER, null, afterSeconds, text);
    }

    Chat agent(int afterSeconds, String text) {
        return add(Role.AGENT, "a-1", afterSeconds, text);
    }

    Chat agent2(int afterSeconds, String text) {
        return add(Role.AGENT, "a-2", afterSeconds, text);
    }

    Chat bot(int afterSeconds, String text) {
        return add(Role.BOT, null, afterSeconds, text);
    }

    Chat system(int afterSeconds, String text) {
        return add(Role.SYSTEM, null, afterSeconds, text);
    }

    private Chat add(Role role, String agentId, int afterSeconds, String text) {
        at += afterSeconds;
        messages.add(new Message(messages.size(), role, agentId, text, T0.plusSeconds(at)));
        return this;
    }

    Transcript build() {
        return new Transcript(id, "taobao", "shop-1", "team-a", List.of("a-1", "a-2"), "c-1", "o-1", locale, messages);
    }
}

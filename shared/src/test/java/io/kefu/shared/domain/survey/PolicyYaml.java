package io.kefu.shared.domain.survey;

/** A small policy file for tests that vary one setting. */
final class PolicyYaml {
    private PolicyYaml() {}

    static String withReminder(String reminderBody) {
        return """
                version: 9
                fatigueWindow: P7D
                expireAfter: P5D
                reminder:
                  %s
                linkBase: "https://x.test/s/"
                kinds:
                  POST_CHAT: { delay: PT30M, priority: 10, channels: [IM], text: { zh-CN: "a" } }
                  POST_DELIVERY: { delay: P3D, priority: 20, channels: [SMS], text: { zh-CN: "b" } }
                  POST_COMPLAINT: { delay: P1D, priority: 30, channels: [SMS], text: { zh-CN: "c" } }
                """.formatted(reminderBody);
    }
}

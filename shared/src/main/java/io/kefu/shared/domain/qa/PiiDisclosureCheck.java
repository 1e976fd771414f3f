package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.Findings.evidence;
import static io.kefu.shared.domain.qa.Findings.fail;
import static io.kefu.shared.domain.qa.Findings.pass;
import static io.kefu.shared.domain.qa.Findings.truncate;

import io.kefu.shared.privacy.ChatLine;
import io.kefu.shared.privacy.PiiMatch;
import io.kefu.shared.privacy.PiiRedactor;
import io.kefu.shared.privacy.RedactionMarks;
import java.util.List;

/**
 * Red line checked on the raw text: redaction for storage must not hide the leak it is about. A stored
 * transcript being re-scored is already redacted, so the redactor's tokens count as the leak too, and so
 * does the rule's condition when it has one (e.g. the PII placeholders of an exporting system).
 */
final class PiiDisclosureCheck {
    private final CompiledRulebook book;

    PiiDisclosureCheck(CompiledRulebook book) {
        this.book = book;
    }

    Finding check(Rule rule, ScoredChat chat) {
        // the rule's own condition adds leaks the redactor cannot know, e.g. another system's PII placeholders
        String[] extra = book.condition(rule.id()) == null ? null : chat.ruleHits(rule);
        // one pass over the agent's lines: a number typed over several consecutive replies is a leak too
        List<List<PiiMatch>> inChat = PiiRedactor.findInChat(chat.transcript.messages().stream()
                .map(m -> new ChatLine(m.role().name(), m.isAgent() ? m.text() : "")).toList());
        for (int i : chat.agentReplies) {
            if (extra != null && extra[i] != null) {
                String raw = chat.transcript.messages().get(i).text();
                return fail(rule, i, truncate(PiiRedactor.redact(raw)), chat.reason("pii.fail", evidence(extra[i])));
            }
            String raw = chat.transcript.messages().get(i).text();
            List<PiiMatch> found = inChat.get(i);
            if (found.isEmpty()) {
                found = RedactionMarks.find(raw);
            }
            if (!found.isEmpty()) {
                // the matches just found redact the evidence: no second scan of the same text
                return fail(rule, i, truncate(PiiRedactor.redact(raw, found)), chat.reason("pii.fail", PiiRedactor.kinds(found)));
            }
        }
        return pass(rule, null, null, chat.reason("pii.pass"));
    }
}

package io.kefu.shared.domain.qa;

import java.util.ArrayList;
import java.util.List;

/** One transcript, analysed once: every message scanned by the automaton, the lines of each role indexed. */
class ChatAnalysis {
    final Transcript transcript;
    final Lang lang;
    final List<MessageHits> hits;
    final List<Integer> agentReplies;
    final List<Integer> customerMessages;

    ChatAnalysis(Transcript transcript, CompiledRulebook book) {
        this.transcript = transcript;
        this.lang = transcript.lang();
        int size = transcript.messages().size();
        this.hits = new ArrayList<>(size);
        this.agentReplies = new ArrayList<>(size);
        this.customerMessages = new ArrayList<>(size);
        for (Message m : transcript.messages()) {
            hits.add(book.analyze(m.text()));
            if (m.isAgent()) {
                agentReplies.add(m.index());
            } else if (m.isCustomer()) {
                customerMessages.add(m.index());
            }
        }
    }

    int size() {
        return hits.size();
    }

    Message message(int index) {
        return transcript.messages().get(index);
    }

    /** The sentences of a role, in order (SYSTEM and BOT lines for those roles). */
    List<Integer> of(Role role) {
        if (role == Role.AGENT) {
            return agentReplies;
        }
        if (role == Role.CUSTOMER) {
            return customerMessages;
        }
        List<Integer> out = new ArrayList<>();
        for (Message m : transcript.messages()) {
            if (m.role() == role) {
                out.add(m.index());
            }
        }
        return out;
    }

    String reason(String key, Object... args) {
        return Reasons.of(lang, key, args);
    }
}

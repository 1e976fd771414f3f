package io.kefu.shared.domain.qa;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A closed chat, as validated by the transcript contract: messages are non-empty and in time order. */
public record Transcript(
        String transcriptId,
        String channel,
        String shopId,
        String team,
        List<String> agentIds,
        String customerId,
        String orderId,
        String locale,
        List<Message> messages) {

    public Transcript {
        agentIds = List.copyOf(agentIds);
        messages = List.copyOf(messages);
    }

    public Lang lang() {
        return Lang.ofLocale(locale);
    }

    public Instant closedAt() {
        return messages.get(messages.size() - 1).ts();
    }

    public Instant startedAt() {
        return messages.get(0).ts();
    }

    /** The agent who wrote most replies: the one the score is filed under (ties: first listed). */
    public String primaryAgentId() {
        Map<String, Integer> counts = new HashMap<>();
        for (Message m : messages) {
            if (m.isAgent() && m.agentId() != null) {
                counts.merge(m.agentId(), 1, Integer::sum);
            }
        }
        String best = agentIds.get(0);
        int bestCount = counts.getOrDefault(best, 0);
        for (String id : agentIds) {
            int c = counts.getOrDefault(id, 0);
            if (c > bestCount) {
                best = id;
                bestCount = c;
            }
        }
        return best;
    }
}

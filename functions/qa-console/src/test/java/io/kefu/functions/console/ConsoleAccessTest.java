package io.kefu.functions.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.functions.console.ConsoleUser.Role;
import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.domain.qa.ScoreStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleAccessTest {
    static final Instant SCORED = Instant.parse("2026-11-11T03:00:00Z");
    final ConsoleAccess access = new ConsoleAccess(Duration.ofDays(7));
    final ConsoleUser lead = new ConsoleUser("lead.li", Role.LEAD, null, List.of("east"));
    final ConsoleUser manager = new ConsoleUser("m", Role.MANAGER, null, List.of("east", "west"));
    final ConsoleUser agent = new ConsoleUser("zw", Role.AGENT, "agent-1", List.of("east"));

    static ScoreView score(String agentId, String team) {
        return new ScoreView("t-1", "SCORE#default#000001", "default", 1, agentId, team, "shop", "tmall",
                SCORED.minusSeconds(60), SCORED, 60, "NEEDS_REVIEW", "LOW_SCORE", null, ScoreStatus.NEEDS_REVIEW,
                "NONE", "LOW", List.of("greeting"), List.of("greeting"), List.of(), null, null, 0);
    }

    @Test
    void anAgentReadsOnlyTheirOwnChatsWhateverTheTeam() {
        assertThat(access.mayRead(agent, score("agent-1", "west"))).isTrue();
        assertThat(access.mayRead(agent, score("agent-2", "east"))).isFalse();
        assertThatThrownBy(() -> access.requireRead(agent, score("agent-2", "east"))).isInstanceOf(ConsoleUser.Forbidden.class);
    }

    @Test
    void leadsAndManagersReadTheirTeamsButOnlyLeadsReview() {
        assertThat(access.mayRead(lead, score("agent-2", "east"))).isTrue();
        assertThat(access.mayRead(lead, score("agent-2", "west"))).isFalse();
        assertThat(access.mayRead(manager, score("agent-2", "west"))).isTrue();
        assertThat(access.mayReview(lead, score("agent-2", "east"))).isTrue();
        assertThat(access.mayReview(lead, score("agent-2", "west"))).isFalse();
        assertThat(access.mayReview(manager, score("agent-2", "east"))).isFalse();
        assertThat(access.mayReview(agent, score("agent-1", "east"))).isFalse();
    }

    @Test
    void theDisputeWindowRunsSevenDaysFromScoring() {
        ScoreView own = score("agent-1", "east");
        assertThat(access.mayDispute(agent, own, SCORED.plus(Duration.ofDays(7)).minusSeconds(1))).isTrue();
        assertThat(access.mayDispute(agent, own, SCORED.plus(Duration.ofDays(7)))).isFalse();
        assertThatThrownBy(() -> access.requireDispute(agent, own, SCORED.plus(Duration.ofDays(8))))
                .isInstanceOf(ConsoleUser.Forbidden.class).hasMessageContaining("7 days");
        assertThat(access.mayDispute(lead, own, SCORED)).isFalse();
        assertThat(access.mayDispute(agent, score("agent-2", "east"), SCORED)).isFalse();
    }

    @Test
    void listingsAreNarrowedToTheCaller() {
        ScoreFilter any = ScoreFilter.between(SCORED.minusSeconds(3600), SCORED);
        assertThat(access.scope(agent, any).agentId()).isEqualTo("agent-1");
        assertThat(access.scope(lead, any).teams()).containsExactly("east");
        assertThat(access.scope(manager, any).teams()).containsExactly("east", "west");
        ScoreFilter otherTeam = new ScoreFilter(null, "west", List.of(), List.of(), null, null, null, any.from(), any.to());
        assertThatThrownBy(() -> access.scope(lead, otherTeam)).isInstanceOf(ConsoleUser.Forbidden.class);
        ScoreFilter otherAgent = new ScoreFilter("agent-2", null, List.of(), List.of(), null, null, null, any.from(), any.to());
        assertThatThrownBy(() -> access.scope(agent, otherAgent)).isInstanceOf(ConsoleUser.Forbidden.class);
    }
}

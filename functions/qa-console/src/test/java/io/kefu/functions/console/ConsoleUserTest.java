package io.kefu.functions.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.functions.console.ConsoleUser.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleUserTest {
    @Test
    void groupsAsHttpApiFlattensThemGiveTheWidestRole() {
        ConsoleUser u = ConsoleUser.fromClaims(Map.of("cognito:username", "lead.li", "cognito:groups", "[agent qa-lead]",
                "custom:teams", "tmall-flagship-cs, global-store-cs", "custom:agent_id", "agent-900"));
        assertThat(u.role()).isEqualTo(Role.LEAD);
        assertThat(u.teams()).containsExactly("tmall-flagship-cs", "global-store-cs");
        assertThat(u.username()).isEqualTo("lead.li");
    }

    @Test
    void anAgentNeedsAnAgentIdAndALeadNeedsTeams() {
        assertThatThrownBy(() -> ConsoleUser.fromClaims(Map.of("sub", "x", "cognito:groups", "[agent]")))
                .isInstanceOf(ConsoleUser.Forbidden.class).hasMessageContaining("custom:agent_id");
        assertThatThrownBy(() -> ConsoleUser.fromClaims(Map.of("sub", "x", "cognito:groups", "[qa-lead]")))
                .isInstanceOf(ConsoleUser.Forbidden.class).hasMessageContaining("custom:teams");
        assertThat(ConsoleUser.fromClaims(Map.of("sub", "x", "cognito:groups", "[agent]", "custom:agent_id", "agent-013")).agentId())
                .isEqualTo("agent-013");
    }

    @Test
    void noClaimsIsUnauthorizedAndNoKnownGroupIsForbidden() {
        assertThatThrownBy(() -> ConsoleUser.fromClaims(Map.of())).isInstanceOf(ConsoleUser.Unauthorized.class);
        assertThatThrownBy(() -> ConsoleUser.fromClaims(Map.of("sub", "x", "cognito:groups", "[admins]")))
                .isInstanceOf(ConsoleUser.Forbidden.class);
        assertThatThrownBy(() -> ConsoleUser.fromClaims(Map.of("sub", "x")))
                .isInstanceOf(ConsoleUser.Forbidden.class);
    }
}

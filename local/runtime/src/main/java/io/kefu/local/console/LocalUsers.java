package io.kefu.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The seeded users the local sign-in offers (resources/console/local-users.json): what Cognito holds in AWS. */
public final class LocalUsers {
    /** A user as the pool would hold them: username, group, the custom attributes agent_id and teams. */
    public record LocalUser(String username, String group, String agentId, List<String> teams, String label) {
        public LocalUser {
            teams = List.copyOf(teams);
        }
    }

    private final List<LocalUser> users;

    public LocalUsers(List<LocalUser> users) {
        this.users = List.copyOf(users);
    }

    public static LocalUsers seeded() {
        try (InputStream in = LocalUsers.class.getResourceAsStream("/console/local-users.json")) {
            JsonNode root = Json.mapper().readTree(in);
            List<LocalUser> out = new ArrayList<>();
            for (JsonNode u : root.get("users")) {
                List<String> teams = new ArrayList<>();
                u.path("teams").forEach(t -> teams.add(t.asText()));
                out.add(new LocalUser(u.get("username").asText(), u.get("group").asText(),
                        u.hasNonNull("agentId") ? u.get("agentId").asText() : null, teams, u.path("label").asText()));
            }
            return new LocalUsers(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<LocalUser> all() {
        return users;
    }

    public Optional<LocalUser> find(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}

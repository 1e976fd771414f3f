package io.kefu.functions.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who is calling, from the JWT claims API Gateway's authorizer verified (a Cognito ID token): the role from
 * {@code cognito:groups}, the agent id and teams from the custom attributes {@code custom:agent_id} and
 * {@code custom:teams} (comma-separated). The app client cannot write those attributes (template), so a user
 * cannot widen their own scope; an administrator sets them (docs/qa-console.md).
 */
public record ConsoleUser(String username, Role role, String agentId, List<String> teams) {
    public enum Role {
        LEAD("qa-lead"), MANAGER("manager"), AGENT("agent");

        final String group;

        Role(String group) {
            this.group = group;
        }

        public String group() {
            return group;
        }
    }

    public ConsoleUser {
        teams = List.copyOf(teams);
    }

    /** Empty claims (no authorizer ran) or no known group: not a console user. */
    public static ConsoleUser fromClaims(Map<String, String> claims) {
        if (claims == null || claims.isEmpty()) {
            throw new Unauthorized("no verified token claims on the request");
        }
        String username = first(claims, "cognito:username", "username", "sub");
        if (username == null) {
            throw new Unauthorized("token has no cognito:username or sub");
        }
        List<String> groups = list(claims.get("cognito:groups"));
        // One role per user, the widest first: a lead who also takes chats works the console as a lead.
        Role role = null;
        for (Role r : Role.values()) {
            if (role == null && groups.contains(r.group)) {
                role = r;
            }
        }
        if (role == null) {
            throw new Forbidden("user " + username + " is in none of the groups qa-lead, manager, agent");
        }
        String agentId = claims.get("custom:agent_id");
        List<String> teams = list(claims.get("custom:teams"));
        if (role == Role.AGENT && (agentId == null || agentId.isBlank())) {
            throw new Forbidden("agent " + username + " has no custom:agent_id");
        }
        if (role != Role.AGENT && teams.isEmpty()) {
            throw new Forbidden(role.group + " " + username + " has no custom:teams");
        }
        return new ConsoleUser(username, role, agentId == null || agentId.isBlank() ? null : agentId.strip(), teams);
    }

    /**
     * HTTP APIs pass array claims flattened to one string, "[qa-lead agent]"; custom attributes are plain
     * strings ("a,b"). Both read as a list.
     */
    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        for (String part : v.split("[,\\s]+")) {
            String p = part.strip();
            if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
                p = p.substring(1, p.length() - 1);
            }
            if (!p.isEmpty() && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String first(Map<String, String> claims, String... names) {
        for (String n : names) {
            String v = claims.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    public String roleName() {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** 401: the request carries no usable identity. */
    public static final class Unauthorized extends RuntimeException {
        public Unauthorized(String message) {
            super(message);
        }
    }

    /** 403: the identity may not do or see this. */
    public static final class Forbidden extends RuntimeException {
        public Forbidden(String message) {
            super(message);
        }
    }
}

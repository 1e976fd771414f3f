package io.kefu.functions.console;

import io.kefu.functions.console.ConsoleUser.Forbidden;
import io.kefu.functions.console.ConsoleUser.Role;
import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.app.qa.ScoreView;
import java.time.Duration;
import java.time.Instant;

/**
 * What each role may read and write (pure; the routes call it before the service touches a transcript):
 * an agent only their own chats and a dispute within the window; a lead only their teams, and the reviews;
 * a manager reads their teams and writes nothing. Who may review what once allowed here is still
 * ReviewService's (ReviewRules) decision: this only narrows.
 */
public final class ConsoleAccess {
    private final Duration disputeWindow;

    public ConsoleAccess(Duration disputeWindow) {
        this.disputeWindow = disputeWindow;
    }

    public Duration disputeWindow() {
        return disputeWindow;
    }

    public boolean mayRead(ConsoleUser u, ScoreView v) {
        return u.role() == Role.AGENT ? u.agentId().equals(v.agentId()) : u.teams().contains(v.team());
    }

    public void requireRead(ConsoleUser u, ScoreView v) {
        if (!mayRead(u, v)) {
            throw new Forbidden(u.role() == Role.AGENT ? "not your chat" : "chat of a team you do not cover");
        }
    }

    public boolean mayReview(ConsoleUser u, ScoreView v) {
        return u.role() == Role.LEAD && u.teams().contains(v.team());
    }

    public void requireReview(ConsoleUser u, ScoreView v) {
        if (!mayReview(u, v)) {
            throw new Forbidden(u.role() == Role.LEAD ? "chat of a team you do not cover" : "only a QA lead reviews and resolves");
        }
    }

    /** The end of the dispute window: the window runs from when the chat was scored (when the agent could see it). */
    public Instant disputeUntil(ScoreView v) {
        Instant from = v.scoredAt() != null ? v.scoredAt() : v.closedAt();
        return from.plus(disputeWindow);
    }

    public boolean mayDispute(ConsoleUser u, ScoreView v, Instant now) {
        return u.role() == Role.AGENT && u.agentId().equals(v.agentId()) && now.isBefore(disputeUntil(v));
    }

    public void requireDispute(ConsoleUser u, ScoreView v, Instant now) {
        if (u.role() != Role.AGENT || !u.agentId().equals(v.agentId())) {
            throw new Forbidden("only the scored agent disputes a score");
        }
        if (!now.isBefore(disputeUntil(v))) {
            throw new Forbidden("the dispute window (" + disputeWindow.toDays() + " days after scoring) closed at " + disputeUntil(v));
        }
    }

    /**
     * A listing narrowed to the caller: an agent's own chats (whatever agent they asked for), a lead's or
     * manager's teams (a team outside them is refused, not silently emptied).
     */
    public ScoreFilter scope(ConsoleUser u, ScoreFilter f) {
        if (u.role() == Role.AGENT) {
            if (f.agentId() != null && !f.agentId().equals(u.agentId())) {
                throw new Forbidden("an agent lists only their own chats");
            }
            return new ScoreFilter(u.agentId(), f.team(), java.util.List.of(), f.statuses(), f.ruleId(), f.minScore(),
                    f.maxScore(), f.from(), f.to());
        }
        if (f.team() != null && !u.teams().contains(f.team())) {
            throw new Forbidden("team " + f.team() + " is not one of yours");
        }
        return f.withTeams(u.teams());
    }
}

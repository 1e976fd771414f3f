package io.kefu.functions.console;

import io.kefu.functions.console.ConsoleUser.Role;
import io.kefu.shared.app.qa.AgentCsat;
import io.kefu.shared.app.qa.Page;
import io.kefu.shared.app.qa.QaReport;
import io.kefu.shared.app.qa.QaReportBuilder;
import io.kefu.shared.app.qa.ReviewRecord;
import io.kefu.shared.app.qa.ReviewService;
import io.kefu.shared.app.qa.ScoreFilter;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.aws.qa.DynamoQaScoreRepository;
import io.kefu.shared.aws.qa.QaScoreKeys;
import io.kefu.shared.aws.qa.QaScoreQueries;
import io.kefu.shared.aws.qa.ScoreItems;
import io.kefu.shared.aws.qa.SurveyCsatReader;
import io.kefu.shared.contract.PromiseFollowUp;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.Promise;
import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ReviewRejectedException;
import io.kefu.shared.domain.qa.ReviewRequest;
import io.kefu.shared.domain.qa.ReviewRules;
import io.kefu.shared.domain.qa.ScoreStatus;
import io.kefu.shared.json.InvalidMessageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The console's use cases on the same pieces the CLI uses: listings and reads through {@link QaScoreQueries}
 * (indexes only), every write through {@link ReviewService} (the audited, conditional review path), the
 * charts from {@link QaReportBuilder}. Access is checked here, before a transcript is read.
 */
public final class ConsoleService {
    /** The review queue, in QaScoreQueries' order: NEEDS_REVIEW, then DISPUTED, then FAIL, newest first in each. */
    static final List<ScoreStatus> REVIEW_QUEUE = List.of(ScoreStatus.NEEDS_REVIEW, ScoreStatus.DISPUTED, ScoreStatus.FAIL);
    static final Duration MAX_RANGE = Duration.ofDays(92);

    private final QaScoreQueries queries;
    private final ReviewService reviews;
    private final SurveyCsatReader csat;
    private final ConsoleAccess access;
    private final Clock clock;
    private final String followUpUrl;

    public ConsoleService(QaScoreQueries queries, ReviewService reviews, SurveyCsatReader csat, ConsoleAccess access,
            Clock clock, String followUpUrl) {
        this.queries = queries;
        this.reviews = reviews;
        this.csat = csat;
        this.access = access;
        this.clock = clock;
        this.followUpUrl = followUpUrl == null ? "" : followUpUrl;
    }

    public Instant now() {
        return clock.instant();
    }

    public java.time.ZoneId zone() {
        return queries.zone();
    }

    /** The caller as the UI needs it (role, scope, the shop's zone for every time shown). */
    public Map<String, Object> session(ConsoleUser u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", u.username());
        out.put("role", u.roleName());
        out.put("agentId", u.agentId());
        out.put("teams", u.teams());
        out.put("zone", zone().getId());
        out.put("now", now());
        out.put("disputeWindowDays", access.disputeWindow().toDays());
        return out;
    }

    /** A page of the caller's listing; a lead's or manager's default is the review queue. */
    public Page<ScoreView> list(ConsoleUser u, ScoreFilter asked, int limit, String cursor) {
        ScoreFilter f = asked;
        if (f.statuses().isEmpty() && u.role() != Role.AGENT) {
            f = f.withStatuses(REVIEW_QUEUE);
        }
        requireRange(f);
        return queries.list(access.scope(u, f), limit, cursor);
    }

    /** "What needs me now": open items per status in the caller's scope, the oldest waiting, and the first page. */
    public Map<String, Object> inbox(ConsoleUser u, Instant from) {
        Instant now = now();
        ScoreFilter f = access.scope(u, ScoreFilter.between(from, now).withStatuses(
                u.role() == Role.AGENT ? List.of(ScoreStatus.NEEDS_REVIEW, ScoreStatus.DISPUTED, ScoreStatus.FAIL, ScoreStatus.REVIEWED) : REVIEW_QUEUE));
        List<ScoreView> open = queries.all(f, n -> { });
        Map<String, Integer> counts = new LinkedHashMap<>();
        f.statuses().forEach(s -> counts.put(s.name(), 0));
        Instant oldest = null;
        for (ScoreView v : open) {
            counts.merge(v.status().name(), 1, Integer::sum);
            if (v.status() != ScoreStatus.REVIEWED && (oldest == null || v.closedAt().isBefore(oldest))) {
                oldest = v.closedAt();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from);
        out.put("to", now);
        out.put("counts", counts);
        out.put("oldestOpenClosedAt", oldest);
        if (u.role() == Role.AGENT) {
            out.put("disputable", open.stream().filter(v -> access.mayDispute(u, v, now)).map(ScoreView::transcriptId).toList());
        }
        return out;
    }

    /** One chat with its findings, the redacted transcript, the review trail, versions and follow-ups. */
    public Map<String, Object> chat(ConsoleUser u, String transcriptId) {
        ScoreView current = current(u, transcriptId);
        Map<String, AttributeValue> item = queries.scoreItem(transcriptId, current.scoreKey())
                .orElseThrow(() -> new NotFound("no score item for " + transcriptId));
        List<Finding> findings = ScoreItems.findings(item);
        List<Message> messages = DynamoQaScoreRepository.transcriptOf(item);
        List<ReviewRecord> trail = queries.reviews(transcriptId);
        Instant now = now();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", current);
        out.put("findings", findings);
        out.put("messages", messages);
        out.put("locale", item.containsKey("locale") ? item.get("locale").s() : null);
        out.put("reviews", trail);
        // A crash between the audit item and the score update leaves a record the score does not point at.
        String lastApplied = item.containsKey("lastReview") ? item.get("lastReview").s() : "";
        out.put("lastReviewApplied", trail.isEmpty() || lastApplied.compareTo(
                QaScoreKeys.reviewSk(trail.get(trail.size() - 1).at(), trail.get(trail.size() - 1).actor())) >= 0);
        out.put("versions", queries.scores(transcriptId).stream().map(v -> Map.of(
                "rulebook", v.rulebookId() + "@" + v.rulebookVersion(), "score", v.score(), "status", v.status(),
                "inForce", v.active())).toList());
        out.put("followUps", followUps(item));
        out.put("mayReview", access.mayReview(u, current));
        out.put("mayDispute", access.mayDispute(u, current, now) && rulesAllow(current, ReviewAction.DISPUTE));
        out.put("disputeUntil", access.disputeUntil(current));
        return out;
    }

    public ReviewRecord review(ConsoleUser u, String transcriptId, ReviewAction action, Integer score, String reason,
            List<String> overturned) {
        if (action != ReviewAction.ACCEPT && action != ReviewAction.OVERRIDE) {
            throw new InvalidMessageException("action", "ACCEPT or OVERRIDE");
        }
        access.requireReview(u, current(u, transcriptId));
        return reviews.review(transcriptId, new ReviewRequest(action, u.username(), score, reason, overturned));
    }

    public ReviewRecord dispute(ConsoleUser u, String transcriptId, String reason) {
        access.requireDispute(u, current(u, transcriptId), now());
        return reviews.review(transcriptId, new ReviewRequest(ReviewAction.DISPUTE, u.agentId(), null, reason, List.of()));
    }

    public ReviewRecord resolve(ConsoleUser u, String transcriptId, boolean uphold, Integer score, String reason,
            List<String> overturned) {
        access.requireReview(u, current(u, transcriptId));
        return reviews.review(transcriptId, new ReviewRequest(uphold ? ReviewAction.DISPUTE_UPHELD : ReviewAction.DISPUTE_REJECTED,
                u.username(), score, reason, overturned));
    }

    /** The report's numbers for the caller's scope and range (an agent: their own averages and failed rules). */
    public QaReport report(ConsoleUser u, Instant from, Instant to) {
        ScoreFilter period = access.scope(u, ScoreFilter.between(from, to));
        requireRange(period);
        List<String> notes = new ArrayList<>();
        List<ScoreView> scores = queries.all(period, notes::add);
        Instant now = now();
        List<ScoreView> backlog = queries.all(access.scope(u, ScoreFilter.between(now.minus(MAX_RANGE), now)
                .withStatuses(List.of(ScoreStatus.NEEDS_REVIEW, ScoreStatus.DISPUTED))), notes::add);
        Map<String, AgentCsat> perAgent = csat.byAgent(from.atZone(zone()).toLocalDate(), to.minusMillis(1).atZone(zone()).toLocalDate());
        if (u.role() == Role.AGENT) {
            perAgent = perAgent.containsKey(u.agentId()) ? Map.of(u.agentId(), perAgent.get(u.agentId())) : Map.of();
        }
        return QaReportBuilder.build(scores, backlog, perAgent, from, to, now, zone(), notes);
    }

    /** Whether ReviewRules would take this action on the score now (asked, not copied: the page only hides a form). */
    private static boolean rulesAllow(ScoreView v, ReviewAction action) {
        try {
            ReviewRules.decide(v.status(), v.score(), v.failedRules(),
                    new ReviewRequest(action, v.agentId(), v.score(), "x".repeat(ReviewRules.MIN_REASON_LENGTH), List.of()));
            return true;
        } catch (ReviewRejectedException e) {
            return false;
        }
    }

    private ScoreView current(ConsoleUser u, String transcriptId) {
        ScoreView v = queries.current(transcriptId).orElseThrow(() -> new NotFound("no score for transcript " + transcriptId));
        access.requireRead(u, v);
        return v;
    }

    private List<Map<String, Object>> followUps(Map<String, AttributeValue> item) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Promise p : ScoreItems.promises(item)) {
            String id = PromiseFollowUp.idFor(ScoreItems.transcriptId(item), p.messageIndex());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("followUpId", id);
            f.put("kind", PromiseFollowUp.KIND);
            f.put("messageIndex", p.messageIndex());
            f.put("dueBy", p.dueBy());
            f.put("url", followUpUrl.isEmpty() ? null : followUpUrl.replace("{followUpId}",
                    java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)));
            out.add(f);
        }
        return out;
    }

    private static void requireRange(ScoreFilter f) {
        if (f.from() == null || f.to() == null || !f.from().isBefore(f.to())) {
            throw new InvalidMessageException("from", "a range with from before to");
        }
        if (Duration.between(f.from(), f.to()).compareTo(MAX_RANGE) > 0) {
            throw new InvalidMessageException("from", "at most " + MAX_RANGE.toDays() + " days");
        }
    }

    /** 404. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}

package io.kefu.shared.survey;

import io.kefu.local.stack.ManualClock;
import io.kefu.shared.effects.MessageMeta;
import io.kefu.shared.contract.SurveyRequest;
import io.kefu.shared.contract.SurveyResponseMessage;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.survey.SurveyPolicy;
import io.kefu.shared.domain.survey.SurveyPolicyLoader;
import io.kefu.shared.runtime.EventLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The three survey services over in-memory ports and one clock the test controls. */
final class SurveyFixture {
    /** 10:00 in Shanghai: outside quiet hours. */
    static final Instant MORNING = Instant.parse("2026-11-28T02:00:00Z");

    final SurveyPolicy policy = SurveyPolicyLoader.loadDefault();
    final ManualClock clock = ManualClock.at(MORNING);
    final InMemorySurveyStore store = new InMemorySurveyStore(policy.dueShards());
    final InMemoryAggregates aggregates = new InMemoryAggregates();
    final RecordingOutbox outbox = new RecordingOutbox();
    final Map<String, CustomerPreferences> preferences = new HashMap<>();
    final EventLog log = new EventLog("test", clock, new PrintStream(OutputStream.nullOutputStream()));

    final ScheduleSurveyService scheduler = new ScheduleSurveyService(policy, store,
            id -> preferences.getOrDefault(id, CustomerPreferences.defaults(id)), clock, log);

    DispatchDueSurveysService dispatcher() {
        return new DispatchDueSurveysService(policy, store, outbox,
                id -> preferences.getOrDefault(id, CustomerPreferences.defaults(id)), clock, log);
    }

    final RecordSurveyResponseService responses =
            new RecordSurveyResponseService(policy, store, aggregates, outbox, clock, log);

    static SurveyRequest request(String kind, String requestId, String customerId, Instant at) {
        return new SurveyRequest(1, requestId, kind, customerId, requestId.substring(requestId.indexOf(':') + 1),
                "o-1", "agent-7", "team-a", "zh-CN", null, at);
    }

    static MessageMeta meta() {
        return new MessageMeta(UUID.randomUUID().toString(), 1, "arn:test");
    }

    void schedule(SurveyRequest request) {
        scheduler.handle(request, meta());
    }

    /** The token inside a sent survey's link (the last path segment). */
    String tokenOf(int outboundIndex) {
        String body = outbox.sent.get(outboundIndex).message().body();
        return body.substring(body.lastIndexOf('/') + 1);
    }

    static SurveyResponseMessage answer(String token, int csat, Integer nps, String comment) {
        return new SurveyResponseMessage(1, token, csat, nps, comment, Map.of("SERVICE_ATTITUDE", csat), null);
    }
}

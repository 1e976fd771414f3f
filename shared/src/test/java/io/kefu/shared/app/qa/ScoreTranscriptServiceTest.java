package io.kefu.shared.app.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.shared.effects.MessageMeta;
import io.kefu.shared.contract.PromiseFollowUp;
import io.kefu.shared.contract.SurveyRequest;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.runtime.EventLog;
import io.kefu.shared.testing.EventFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTranscriptServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-11T03:00:00Z"), ZoneOffset.UTC);
    private static final Rulebook V1 = RulebookLoader.defaultRulebook();
    private static final MessageMeta META = new MessageMeta("m-1", 1, "arn:aws:sqs:us-east-1:000000000000:transcripts");

    private final InMemoryQaScoreStore store = new InMemoryQaScoreStore();
    private final List<PromiseFollowUp> followUps = new ArrayList<>();
    private final List<SurveyRequest> surveys = new ArrayList<>();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    private ScoreTranscriptService service(Rulebook rulebook) {
        return new ScoreTranscriptService(new Scorer(CompiledRulebook.compile(rulebook)), store, followUps::add, surveys::add,
                CLOCK, new EventLog("test", CLOCK, new PrintStream(logs, true, StandardCharsets.UTF_8)));
    }

    private static TranscriptMessage fixture(String name) {
        return TranscriptMessage.CONTRACT.decode(EventFixtures.transcript(name));
    }

    @Test
    void scoresStoresAndEmitsFollowUpAndSurveyRequestWithinTwoWrites() {
        service(V1).handle(fixture("zh-promise-made"), META);
        assertThat(store.scores).hasSize(1);
        assertThat(store.writeRequests).isLessThanOrEqualTo(2);
        assertThat(followUps).singleElement().satisfies(f -> {
            assertThat(f.followUpId()).isEqualTo("promise:chat-20261111-0006:2");
            assertThat(f.kind()).isEqualTo("AGENT_PROMISE");
            assertThat(f.agentId()).isEqualTo("agent-007");
            assertThat(f.dueBy()).isEqualTo(f.promisedAt().plusSeconds(24 * 3600));
        });
        assertThat(surveys).singleElement().satisfies(s -> {
            assertThat(s.requestId()).isEqualTo("chat:chat-20261111-0006");
            assertThat(s.kind()).isEqualTo("POST_CHAT");
            assertThat(s.channel()).isEqualTo("IM");
            assertThat(s.subjectId()).isEqualTo("chat-20261111-0006");
            assertThat(s.occurredAt()).isEqualTo(Instant.parse("2026-11-11T02:00:59Z"));
        });
    }

    @Test
    void duplicateDeliveryWritesOneScoreAndSendsNothingTwice() {
        var service = service(V1);
        service.handle(fixture("zh-promise-made"), META);
        service.handle(fixture("zh-promise-made"), META);
        assertThat(store.scores).hasSize(1);
        assertThat(followUps).hasSize(1);
        assertThat(surveys).hasSize(1);
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("score.duplicate");
    }

    @Test
    void crashBeforeTheScoreIsStoredRetriesWithTheSameIds() {
        var service = service(V1);
        store.failOnPut = new IllegalStateException("throttled");
        assertThatThrownBy(() -> service.handle(fixture("zh-promise-made"), META)).isInstanceOf(IllegalStateException.class);
        store.failOnPut = null;
        service.handle(fixture("zh-promise-made"), META);
        assertThat(store.scores).hasSize(1);
        assertThat(followUps).extracting(PromiseFollowUp::followUpId).containsOnly("promise:chat-20261111-0006:2");
        assertThat(surveys).extracting(SurveyRequest::requestId).containsOnly("chat:chat-20261111-0006");
    }

    @Test
    void reScoreWithANewRulebookVersionIsANewLinkedRecordWithoutASecondSurvey() {
        service(V1).handle(fixture("zh-rude-agent"), META);
        Rulebook v2 = V1.withVersion(V1.version() + 1);
        service(v2).handle(fixture("zh-rude-agent"), META);
        assertThat(store.scores).hasSize(2);
        ScoreRecord second = store.scores.values().stream().filter(r -> r.score().rulebookVersion() == V1.version() + 1).findFirst().orElseThrow();
        assertThat(second.supersedes().rulebookVersion()).isEqualTo(V1.version());
        assertThat(store.superseded).containsExactly("chat-20261111-0003|default|" + V1.version());
        assertThat(store.ruleIndex.keySet()).allMatch(k -> k.contains("|" + (V1.version() + 1) + "|"));
        assertThat(surveys).hasSize(1);
    }

    @Test
    void storedTranscriptAndLogsCarryNoPii() {
        service(V1).handle(fixture("zh-pii-leaked"), META);
        ScoreRecord record = store.scores.values().iterator().next();
        assertThat(record.redactedTranscript().messages().get(2).text())
                .contains("[MOBILE]").contains("[ADDRESS]").doesNotContain("1234 5678");
        assertThat(record.score().status().name()).isEqualTo("FAIL");
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("1234").doesNotContain("张江路");
    }
}

package io.kefu.tests.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.cli.Demo;
import io.kefu.local.stack.LocalAwsStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs README command (a), {@code ./kefu demo}, in-process on the embedded stack (the handlers come from the
 * classpath instead of the function jars) and checks the story it prints, so the README cannot silently rot.
 */
class DemoCommandTest {
    private static LocalAwsStack stack;
    private static String output;
    private static int failedSections;

    @BeforeAll
    static void runDemo() throws Exception {
        stack = LocalAwsStack.isolated();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            failedSections = Demo.run(stack, out, null);
        }
        output = buffer.toString(StandardCharsets.UTF_8);
        System.err.println(output);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everySectionRunsAndTheSummaryFollows() {
        assertThat(failedSections).as(output).isZero();
        assertThat(output).contains("== Proactive care", "== QA scoring", "== Follow-up surveys", "== Poison messages",
                "== Summary", "5 section(s), 0 failed", "./kefu qa report --since 30d --out report.html");
    }

    @Test
    void qaScoresEverySampleOnceEvenWhenDeliveredTwice() {
        assertThat(output).contains("sent 10 chats from events/transcripts", "QaScoresTable: 10 scores",
                "scores for it: 1, scores in total: 10, new follow-ups: 0, post-chat survey requests: 10");
        assertThat(output).containsPattern("zh-rude-agent\\s+agent-013\\s+\\d+\\s+FAIL");
        assertThat(output).containsPattern("zh-pii-leaked\\s+agent-030\\s+\\d+\\s+FAIL\\s+pii-disclosure");
        assertThat(output).containsPattern("en-good-agent\\s+agent-101\\s+100\\s+PASS");
        assertThat(output).contains("follow-up tasks on FollowUpsQueue: 2 ({AGENT_PROMISE=2})");
    }

    @Test
    void aWeatherDelayGivesExactlyOneNotice() {
        assertThat(output).contains("O-1001 WEATHER exception -> case INCIDENT#WEATHER#0 NOTIFIED",
                "care notices sent: 1", "-> new notices: 0, O-1001 notices in total: 1",
                "the sweep found it stalled -> case INCIDENT#STALLED#0 NOTIFIED; care notices sent: 1",
                "O-1001 DELIVERED -> case INCIDENT#WEATHER#0 RECOVERED, recovery notes: 1",
                "survey request delivery:O-1001 (POST_DELIVERY) -> SurveysTable: SCHEDULED",
                "approval requests on CareApprovalsQueue: 1");
        assertThat(output).containsPattern("\\[CARE_NOTICE \\w+ zh-CN\\] .*O-1001");
    }

    @Test
    void everyScheduledSurveyIsSentExactlyOnceAndALowAnswerOpensOneCase() {
        Matcher sent = Pattern.compile("survey messages on OutboundMessagesQueue: (\\d+) for (\\d+) scheduled surveys;"
                + " at most (\\d+) per survey").matcher(output);
        assertThat(sent.find()).as(output).isTrue();
        assertThat(sent.group(1)).isEqualTo(sent.group(2)).isEqualTo("13");
        assertThat(sent.group(3)).isEqualTo("1");
        assertThat(output).containsPattern("\\[SURVEY IM zh-CN\\] .*https://\\S+/[A-Za-z0-9_-]{22}");
        assertThat(output).contains("AGENT#agent-013: responses 1, CSAT 1.0", "AGENT#agent-007: responses 1, CSAT 5.0",
                "follow-up (回访) cases on FollowUpsQueue: 1", "LOW_SCORE survey-low:",
                "the low answer resent as is -> parked: 0", "SurveyResponsesDlq: 1, token: token already used",
                "with a different answer", "aggregate responses still 2, new follow-ups: 0");
    }

    @Test
    void onePoisonMessagePerQueueIsParkedWithItsReason() {
        assertThat(output).containsPattern("TranscriptsQueue\\s+TranscriptsDlq\\s+messages\\[2]\\.ts\\s+.*time order");
        assertThat(output).containsPattern("ShipmentEventsQueue\\s+ShipmentEventsDlq\\s+status\\s+unknown value TELEPORTED");
        assertThat(output).containsPattern("SurveyRequestsQueue\\s+SurveyRequestsDlq\\s+occurredAt\\s+required");
        assertThat(output).containsPattern("SurveyResponsesQueue\\s+SurveyResponsesDlq\\s+token\\s+");
        assertThat(output).doesNotContain("NOT PARKED").contains("retries spent on them: 0");
        assertThat(output).containsPattern("ScoreTranscriptFunction\\s+TranscriptsQueue\\s+\\d+\\s+12\\s+11\\s+1\\s+0");
    }
}

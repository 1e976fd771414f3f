package io.kefu.shared.domain.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The due time read from a promise's sentence, and the numbers that are no due time at all. */
class PromiseDueTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai

    @Test
    void spansAndDaysAreReadFromTheSentence() {
        assertEquals(Optional.of(Instant.parse("2026-11-24T02:00:00Z")), PromiseDue.parse("我们24小时内给您回电", AT, SHANGHAI));
        assertEquals(Optional.of(Instant.parse("2026-11-23T04:00:00Z")), PromiseDue.parse("两个小时内回复您", AT, SHANGHAI));
        assertEquals(Optional.of(Instant.parse("2026-11-24T15:59:59Z")), PromiseDue.parse("明天给您答复", AT, SHANGHAI));
        assertEquals(Optional.of(Instant.parse("2026-11-27T15:59:59Z")), PromiseDue.parse("We'll call you back by Friday", AT, SHANGHAI));
        assertEquals(Optional.of(Instant.parse("2026-11-26T02:00:00Z")), PromiseDue.parse("we will reply within 3 days", AT, SHANGHAI));
    }

    @Test
    void absurdNumbersFallBackToTheRuleDefaultInsteadOfThrowing() {
        assertEquals(Optional.empty(), PromiseDue.parse("99999999999999小时内处理", AT, SHANGHAI));
        assertEquals(Optional.empty(), PromiseDue.parse("within 99999999999999999999 days", AT, SHANGHAI));
        assertEquals(Optional.empty(), PromiseDue.parse("400天内给您答复", AT, SHANGHAI));
        assertEquals(Optional.of(Instant.parse("2027-11-24T02:00:00Z")), PromiseDue.parse("366天内给您答复", AT, SHANGHAI));
    }

    @Test
    void aSentenceWithoutATimeHasNoDueTime() {
        assertEquals(Optional.empty(), PromiseDue.parse("稍后给您回电", AT, SHANGHAI));
        assertEquals(Optional.empty(), PromiseDue.parse("", AT, SHANGHAI));
    }
}

package io.kefu.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.console.LocalConsoleServer;
import io.kefu.local.console.LocalUsers;
import io.kefu.local.runtime.LocalLambdaRuntime;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.ManualClock;
import io.kefu.local.stack.RepoRoot;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The QA console in Debian's chromium, driven by WebDriver through chromium-driver, against `kefu up`'s local API
 * Gateway, authorizer and sign-in on the embedded stack: the sample chats are scored by the real
 * ScoreTranscriptFunction, then a lead overrides one, its agent disputes it, the lead resolves the dispute, each
 * step checked in DynamoDB; an agent opening another agent's chat by URL gets 403; a hostile transcript stays text.
 * The steps build on each other (ordered). Skips, saying why, where chromium or chromedriver is missing.
 * {@code -Dkefu.console.screenshots=docs} also copies the queue and chat screenshots to docs/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QaConsoleBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String RUDE = "chat-20261111-0003";      // agent-013 (zhang.wei), tmall-flagship-cs
    static final String OTHERS = "chat-20261111-0001";    // agent-007, same team
    static final String HOSTILE = "chat-20261111-0666";    // agent-013, a transcript full of markup and controls
    static final String SCRIPT = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    /** The score item's key under the packaged rulebook (its version moves when the rulebook does). */
    static final String SCORE_SK = "SCORE#default#" + String.format("%06d", io.kefu.shared.domain.qa.RulebookLoader.defaultRulebook().version());
    static LocalAwsStack stack;
    static LocalConsoleServer console;
    static ChromeDriver browser;
    static WebDriverWait waitFor;
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): .ci/run installs both");
        stack = LocalAwsStack.isolated();
        var bound = LocalConsoleServer.bind(0);
        // 12:00 Shanghai on the samples' day; every request moves the clock on a second, as wall-clock time would.
        ManualClock clock = ManualClock.at(Instant.parse("2026-11-11T04:00:00Z"));
        LocalLambdaRuntime runtime = LocalConsoleServer.runtimeFor(stack, bound.getAddress().getPort())
                .functions("ScoreTranscriptFunction").clock(clock).build();
        try (Stream<Path> files = Files.list(RepoRoot.find().resolve("events/transcripts"))) {
            for (Path f : files.sorted().toList()) {
                stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl("TranscriptsQueue")).messageBody(read(f)));
            }
        }
        String hostile = hostileTranscript();
        stack.sqs().sendMessage(b -> b.queueUrl(stack.queueUrl("TranscriptsQueue")).messageBody(hostile));
        runtime.drain();
        assertThat(item(HOSTILE, SCORE_SK)).as("the hostile transcript was scored, not parked").isNotEmpty();
        console = LocalConsoleServer.start(bound, runtime, clock, LocalUsers.seeded(), () -> clock.advance(Duration.ofSeconds(1)));

        profile = Files.createTempDirectory("kefu-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1360,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        waitFor = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    // ------------------------------------------------------------------ the flows

    @Test
    @Order(1)
    void aLeadSignsInToTheReviewQueueAndOverridesAScore() throws Exception {
        signInAs("lead.li");
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue tbody tr[data-id='" + RUDE + "']")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("lang"))).selectByValue("en");
        waitFor.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), "Needs review"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");   // kept for the session
        waitFor.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), "待复核"));
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue tbody tr[data-id='" + RUDE + "']")));
        WebElement inbox = browser.findElement(By.id("inbox"));
        assertThat(inbox.getText()).as("the first screen says what needs the lead").contains("待复核").contains("不合格");
        List<String> teams = browser.findElements(By.cssSelector("#queue tbody tr td:nth-child(4)")).stream().map(WebElement::getText).toList();
        assertThat(teams).isNotEmpty().containsOnly("tmall-flagship-cs");
        screenshot("queue");

        open(RUDE);
        List<WebElement> marks = browser.findElements(By.cssSelector("#messages .msg[data-index='1'] mark"));
        assertThat(marks).as("evidence highlighted in the message").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#messages .msg[data-index='1']")).getText()).contains("forbidden");
        assertThat(browser.findElement(By.id("rulebook")).getText()).isEqualTo("default@" + io.kefu.shared.domain.qa.RulebookLoader.defaultRulebook().version());
        screenshot("chat");

        browser.findElement(By.tagName("body")).sendKeys("o");   // the override shortcut focuses the score
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("override-score");
        WebElement form = browser.findElement(By.id("override-form"));
        form.findElement(By.name("score")).sendKeys("40");
        form.findElement(By.cssSelector("input[name=overturned][value=empathy]")).click();
        form.findElement(By.name("reason")).sendKeys("客户先辱骂，情绪可以理解，但禁语仍然扣分");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));

        Map<String, AttributeValue> score = item(RUDE, SCORE_SK);
        assertThat(score.get("status").s()).isEqualTo("REVIEWED");
        assertThat(score.get("reviewedScore").n()).isEqualTo("40");
        assertThat(score.get("reviewedBy").s()).isEqualTo("lead.li");
        assertThat(score.get("overturnedRules").l()).extracting(AttributeValue::s).containsExactly("empathy");
        assertThat(audits(RUDE)).extracting(a -> a.get("action").s()).containsExactly("OVERRIDE");
    }

    @Test
    @Order(2)
    void theAgentDisputesTheirScore() {
        signInAs("zhang.wei");
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue tbody tr[data-id='" + RUDE + "']")));
        List<String> agents = browser.findElements(By.cssSelector("#queue tbody tr td:nth-child(3)")).stream().map(WebElement::getText).toList();
        assertThat(agents).containsOnly("agent-013");
        assertThat(browser.findElement(By.id("my-average")).getText()).contains("我的平均分");
        assertThat(browser.findElement(By.id("my-failed-rules")).getText()).contains("insult");
        open(RUDE);
        WebElement form = waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("dispute-form")));
        form.findElement(By.name("reason")).sendKeys("客户先辱骂我，我已经道歉并解决了问题");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));

        assertThat(item(RUDE, SCORE_SK).get("status").s()).isEqualTo("DISPUTED");
        assertThat(audits(RUDE)).extracting(a -> a.get("action").s() + " " + a.get("actor").s())
                .containsExactly("OVERRIDE lead.li", "DISPUTE agent-013");
        assertThat(browser.findElements(By.id("dispute-form"))).as("one open dispute at a time").isEmpty();
    }

    @Test
    @Order(3)
    void anAgentOpeningAnotherAgentsChatByUrlGets403AndNoText() {
        browser.get(console.url() + "#/chat/" + OTHERS);
        browser.navigate().refresh();
        WebElement error = waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertThat(error.getText()).contains("403");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("羽绒服");
        assertThat(browser.findElements(By.id("messages"))).isEmpty();
    }

    @Test
    @Order(4)
    void theLeadResolvesTheDispute() {
        signInAs("lead.li");
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue tbody tr[data-id='" + RUDE + "']")));
        assertThat(browser.findElement(By.cssSelector("#queue tbody tr[data-id='" + RUDE + "'] td:nth-child(6)")).getText())
                .isEqualTo("申诉中");
        open(RUDE);
        WebElement form = waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("resolve-form")));
        form.findElement(By.cssSelector("input[name=outcome][value=UPHOLD]")).click();
        form.findElement(By.name("score")).sendKeys("60");
        form.findElement(By.name("reason")).sendKeys("录音证实客户先辱骂，改为60分");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));

        Map<String, AttributeValue> score = item(RUDE, SCORE_SK);
        assertThat(score.get("status").s()).isEqualTo("REVIEWED");
        assertThat(score.get("reviewedScore").n()).isEqualTo("60");
        assertThat(audits(RUDE)).extracting(a -> a.get("action").s()).containsExactly("OVERRIDE", "DISPUTE", "DISPUTE_UPHELD");
        assertThat(browser.findElement(By.id("trail")).getText()).contains("DISPUTE_UPHELD").contains("agent-013");
    }

    @Test
    @Order(5)
    void aHostileTranscriptRendersAsInertText() {
        open(HOSTILE);
        WebElement customer = browser.findElement(By.cssSelector("#messages .msg[data-index='0'] .text"));
        assertThat(customer.getText()).contains(SCRIPT).contains("[U+202E]").contains("[U+001B]").contains("[U+2066]");
        assertThat(browser.findElements(By.cssSelector("#messages script, #messages img, #messages b"))).isEmpty();
        Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? 'no' : 'yes';");
        assertThat(pwned).isEqualTo("no");
        assertThat(customer.getText()).doesNotContain("\u202e").doesNotContain("\u001b");
    }

    @Test
    @Order(6)
    void keyboardShortcutsMoveThroughTheQueueAndTheReportDrawsItsCharts() throws Exception {
        browser.get(console.url() + "#/");
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue tbody tr.selected")));
        String first = browser.findElement(By.cssSelector("#queue tbody tr.selected")).getAttribute("data-id");
        browser.findElement(By.tagName("body")).sendKeys("j");
        String second = browser.findElement(By.cssSelector("#queue tbody tr.selected")).getAttribute("data-id");
        assertThat(second).isNotEqualTo(first);
        browser.findElement(By.tagName("body")).sendKeys("\n");
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-head h2")));
        assertThat(browser.findElement(By.cssSelector("#chat-head h2")).getText()).isEqualTo(second);
        browser.findElement(By.tagName("body")).sendKeys("q");
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));

        browser.get(console.url() + "#/report?from=2026-11-01&to=2026-11-30");
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-rules svg rect")));
        assertThat(browser.findElements(By.cssSelector("#chart-leaderboard svg rect"))).isNotEmpty();
        screenshot("report");
        assertThat(browser.findElement(By.id("report-kpis")).getText()).contains("7");   // 6 tmall samples + the hostile one
    }

    @Test
    @Order(7)
    void aManagerReadsBothTeamsButHasNothingToWriteWith() {
        signInAs("manager.zhao");
        waitFor.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue tbody tr[data-id]")));
        List<String> teams = browser.findElements(By.cssSelector("#queue tbody tr td:nth-child(4)")).stream().map(WebElement::getText).toList();
        assertThat(teams).contains("tmall-flagship-cs", "global-store-cs");
        open(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("form.panel, #accept"))).isEmpty();
        assertThat(browser.findElement(By.tagName("aside")).getText()).contains("只读");
    }

    // ------------------------------------------------------------------ helpers

    static void signInAs(String username) {
        browser.get(console.url().toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.navigate().refresh();
        waitFor.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        waitFor.until(ExpectedConditions.elementToBeClickable(By.id("as-" + username))).click();
        waitFor.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), username));
    }

    static void open(String transcriptId) {
        browser.get(console.url() + "#/chat/" + transcriptId);
        waitFor.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#chat-head h2"), transcriptId));
    }

    static void screenshot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path dir = RepoRoot.find().resolve("tests/target/console-screenshots");
        Files.createDirectories(dir);
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        if ("docs".equals(System.getProperty("kefu.console.screenshots"))) {
            Files.copy(shot, RepoRoot.find().resolve("docs/qa-console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static Map<String, AttributeValue> item(String transcriptId, String sk) {
        return stack.dynamoDb().getItem(b -> b.tableName(stack.tableName("QaScoresTable")).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("TRANSCRIPT#" + transcriptId), "sk", AttributeValue.fromS(sk)))).item();
    }

    /** The transcript's audit items, oldest first. */
    static List<Map<String, AttributeValue>> audits(String transcriptId) {
        return stack.dynamoDb().query(b -> b.tableName(stack.tableName("QaScoresTable")).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TRANSCRIPT#" + transcriptId),
                        ":r", AttributeValue.fromS("REVIEW#")))).items();
    }

    /** zh-rude-agent's chat with markup, direction overrides, isolates and terminal escapes in its text. */
    static String hostileTranscript() {
        String json = read(RepoRoot.find().resolve("events/transcripts/zh-rude-agent.json"));
        return json.replace("chat-20261111-0003", HOSTILE)
                .replace("你们的鞋子开胶了，怎么办", (SCRIPT + " \u202eevil\u202c \u001b[31mRED\u001b[0m \u2066x\u2069 鞋子开胶了")
                        .replace("\\", "\\\\").replace("\"", "\\\"").replace("\u001b", "\\u001b").replace("\u202e", "\\u202e")
                        .replace("\u202c", "\\u202c").replace("\u2066", "\\u2066").replace("\u2069", "\\u2069"))
                .replace("不知道，你自己看说明", "<b>不知道</b>，你自己看说明");
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.kefu.cli.qa;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.json.Json;
import io.kefu.shared.domain.qa.RulebookLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `qa eval` and `qa try` in process: no stack, nothing stored, output neutralised. */
class QaEvalAndTryCommandTest {
    static final Path TINY = Path.of("src/test/resources/qa-gold-tiny");
    static final Path RUDE = Path.of("../events/transcripts/zh-rude-agent.json");

    @Test
    void evalPrintsPerRuleCountsAgreementsAndDisagreements() {
        Run run = qa("eval", "--gold", TINY.toString());

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("3 chats, rulebook default@" + RulebookLoader.defaultRulebook().version())
                .containsPattern("(?m)^rule\\s+TP\\s+FP\\s+FN\\s+TN\\s+precision\\s+recall$")
                .containsPattern("(?m)^insult\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+")
                .contains("status agreement", "complaint type", "promises", "false red lines", "disagreements (")
                .containsPattern("(?m)^status agreement\\s+\\d+/3 \\(\\d+%, 95% interval \\d+-\\d+%\\)$")
                .containsPattern("(?m)^language\\s+chats\\s+status agreement\\s+complaint type$");
    }

    @Test
    void evalJsonCarriesTheSameNumbers() throws IOException {
        Run run = qa("eval", "--gold", TINY.toString(), "--json");

        @SuppressWarnings("unchecked")
        Map<String, Object> doc = Json.mapper().readValue(run.out, Map.class);
        assertThat(doc.get("chats")).isEqualTo(3);
        assertThat(((Map<?, ?>) doc.get("rules")).keySet().stream().map(Object::toString)).contains("greeting", "insult");
        Map<?, ?> status = (Map<?, ?>) doc.get("status");
        assertThat(status.get("judged")).isEqualTo(3);
        double rate = ((Number) status.get("rate")).doubleValue();
        assertThat(((Number) status.get("low95")).doubleValue()).isLessThan(rate).isGreaterThanOrEqualTo(0.0);
        assertThat(((Number) status.get("high95")).doubleValue()).isLessThanOrEqualTo(1.0);
        Map<?, ?> languages = (Map<?, ?>) doc.get("byLanguage");
        int perLanguage = languages.values().stream().mapToInt(l -> (Integer) ((Map<?, ?>) l).get("chats")).sum();
        assertThat(perLanguage).as("every chat in exactly one language row").isEqualTo(3);
    }

    @Test
    void evalRefusesABrokenLabelWithFileAndField(@TempDir Path dir) throws IOException {
        Files.copy(TINY.resolve("tiny-rude.json"), dir.resolve("tiny-rude.json"));
        Files.writeString(dir.resolve("tiny-rude.gold.json"),
                Files.readString(TINY.resolve("tiny-rude.gold.json")).replace("\"status\": \"FAIL\"", "\"status\": \"BAD\""));

        Run run = qa("eval", "--gold", dir.toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("error:", "tiny-rude.gold.json", "status", "BAD");
    }

    @Test
    void tryPrintsTheVerdictWithEvidenceAtEachMessage() {
        Run run = qa("try", RUDE.toString());

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("chat-20261111-0003", "status FAIL", "complaint ")
                .containsPattern("✗ insult FAIL red line  «");
        // why it is a complaint: the customer turns and their words (the defect, then the anger)
        assertThat(run.out).contains("complaint PRODUCT_QUALITY / MEDIUM\n      from [0] «开胶»\n      from [2] «")
                .containsPattern("from \\[2\\] «[^»]+»  \\(upset\\)");
    }

    @Test
    void tryWithARulebookFileScoresWithIt(@TempDir Path dir) throws IOException {
        String yaml = new String(getClass().getResourceAsStream("/rulebooks/default.yaml").readAllBytes())
                .replace("id: default", "id: lead-draft");
        Path book = dir.resolve("draft.yaml");
        Files.writeString(book, yaml);

        Run run = qa("try", RUDE.toString(), "--rulebook", book.toString(), "--json");

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("\"rulebookId\":\"lead-draft\"");
    }

    @Test
    void tryRefusesAnInvalidRulebookNamingTheField(@TempDir Path dir) throws IOException {
        Path book = dir.resolve("bad.yaml");
        Files.writeString(book, "id: x\nversion: 0\nrules: []\n");

        Run run = qa("try", RUDE.toString(), "--rulebook", book.toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("error:", "version");
    }

    @Test
    void controlAndBidiCharactersFromAChatCannotReachTheTerminal(@TempDir Path dir) throws IOException {
        String chat = Files.readString(RUDE).replace("有病吧", "有病吧\\u001b[2J\\u202eevil");
        Path file = dir.resolve("hostile.json");
        Files.writeString(file, chat);

        Run text = qa("try", file.toString());
        Run json = qa("try", file.toString(), "--json");

        for (Run run : List.of(text, json)) {
            assertThat(run.exit).isZero();
            assertThat(run.out).doesNotContain("\u001b", "\u202e");
        }
        assertThat(text.out).contains("有病吧").containsIgnoringCase("\\u202e");
        assertThat(Json.mapper().readValue(json.out, Map.class)).isNotEmpty();
    }

    /** The qa command in process, its output captured (qa train's tests run it the same way). */
    static Run qa(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new QaCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    record Run(int exit, String out, String err) {}
}

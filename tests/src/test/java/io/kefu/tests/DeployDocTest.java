package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.local.stack.RepoRoot;
import io.kefu.tests.template.SecurityChecks;
import io.kefu.tests.template.TemplateJson;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/deploy.md says what infra-template.yaml does: its parameters with their defaults, who may send to and read
 * each queue, and the alarms. */
class DeployDocTest {
    private final JsonNode template = TemplateJson.load();
    private final String doc = read();

    @Test
    void everyParameterIsDocumentedWithItsDefaultAndNoOtherIs() {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z][A-Za-z]+)` \\| ([^|]*?) \\|").matcher(section("## Parameters"));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).trim());
        }
        Map<String, String> declared = new LinkedHashMap<>();
        template.path("Parameters").fields().forEachRemaining(e -> {
            String value = e.getValue().path("Default").asText();
            declared.put(e.getKey(), value.isEmpty() ? "empty" : "`" + value + "`");
        });
        assertThat(documented).isEqualTo(declared);
    }

    @Test
    void theQueueTableNamesExactlyWhoTheTemplateLetsSendAndRead() {
        Map<String, Set<String>> senders = new LinkedHashMap<>();
        Map<String, Set<String>> readers = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| ([A-Z][A-Za-z]+Queue) \\| ([^|]*) \\| ([^|]*) \\|$")
                .matcher(section("## Who may send and read"));
        while (row.find()) {
            senders.put(row.group(1), principals(row.group(2)));
            readers.put(row.group(1), principals(row.group(3)));
        }
        assertThat(senders).isEqualTo(SecurityChecks.senders(template));
        assertThat(readers).isEqualTo(SecurityChecks.readers(template));
    }

    @Test
    void theAlarmTableListsEveryDlqAndCountsEveryFunction() {
        String alarms = section("## After deploying");
        Matcher dlqRow = Pattern.compile("dlq-not-empty` \\((\\d+): ([a-z, -]+)\\)").matcher(alarms);
        assertThat(dlqRow.find()).as("the DLQ alarm row").isTrue();
        Set<String> documented = new TreeSet<>(java.util.Arrays.asList(dlqRow.group(2).split(",\\s*")));
        Set<String> declared = new TreeSet<>();
        TemplateJson.resourcesOfType(template, "AWS::CloudWatch::Alarm").values().forEach(a -> {
            Matcher name = Pattern.compile("^kefu-\\$\\{Stage}-(.+)-dlq-not-empty$").matcher(a.path("Properties").path("AlarmName").path("Fn::Sub").asText());
            if (name.matches()) {
                declared.add(name.group(1));
            }
        });
        assertThat(documented).isEqualTo(declared);
        assertThat(Integer.parseInt(dlqRow.group(1))).isEqualTo(declared.size());
        int functions = TemplateJson.resourcesOfType(template, "AWS::Serverless::Function").size();
        assertThat(alarms).contains("-errors` (" + functions + ")", "-throttles` (" + functions + ")");
    }

    /** "ChatSystemPrincipal, ScoreTranscript's and HandleShipmentEvent's roles" -> {ChatSystemPrincipal, ScoreTranscriptRole, ...}. */
    private static Set<String> principals(String cell) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("([A-Z][A-Za-z]+Principal)|([A-Z][A-Za-z]+)'(?:s\\b)?").matcher(cell);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) + "Role");
        }
        return out;
    }

    private String section(String heading) {
        int start = doc.indexOf(heading);
        assertThat(start).as(heading + " in docs/deploy.md").isNotNegative();
        int end = doc.indexOf("\n## ", start + heading.length());
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static String read() {
        try {
            return Files.readString(RepoRoot.find().resolve("docs/deploy.md"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

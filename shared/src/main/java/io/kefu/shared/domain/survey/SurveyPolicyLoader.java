package io.kefu.shared.domain.survey;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kefu.shared.domain.customer.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the survey policy YAML. Unknown keys fail the load: a typo in a policy file should stop a
 * deploy rather than silently fall back to a default.
 */
public final class SurveyPolicyLoader {
    public static final String DEFAULT_RESOURCE = "survey/survey-policy.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SurveyPolicyLoader() {}

    /** The policy shipped in the jar. */
    public static SurveyPolicy loadDefault() {
        return fromClasspath(DEFAULT_RESOURCE);
    }

    public static SurveyPolicy fromClasspath(String resource) {
        try (InputStream in = SurveyPolicyLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("survey policy " + resource + " is not on the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SurveyPolicy parse(InputStream yaml) throws IOException {
        return YAML.readValue(yaml, File.class).toPolicy();
    }

    public static SurveyPolicy parse(String yaml) {
        try {
            return YAML.readValue(yaml, File.class).toPolicy();
        } catch (IOException e) {
            throw new IllegalArgumentException("survey policy is not valid: " + e.getMessage(), e);
        }
    }

    // The file's shape; kept separate from SurveyPolicy so the domain record stays free of YAML concerns.
    record File(int version, Duration fatigueWindow, Duration expireAfter, Reminder reminder,
                Duration dispatchLookahead, Integer dueShards, String reportingZone, String linkBase,
                LowScore lowScore, Map<SurveyKind, Kind> kinds) {

        SurveyPolicy toPolicy() {
            if (kinds == null) {
                throw new IllegalArgumentException("survey policy has no kinds");
            }
            Map<SurveyKind, SurveyPolicy.KindRules> rules = new EnumMap<>(SurveyKind.class);
            kinds.forEach((kind, k) -> rules.put(kind, new SurveyPolicy.KindRules(
                    k.delay(), k.priority(), k.channels(), k.topics(), k.text(), k.reminderText())));
            LowScore low = lowScore == null ? new LowScore(2, 6) : lowScore;
            return new SurveyPolicy(
                    version,
                    fatigueWindow,
                    expireAfter,
                    reminder == null || !reminder.enabled() ? null : reminder.after(),
                    dispatchLookahead == null ? Duration.ofMinutes(1) : dispatchLookahead,
                    dueShards == null ? 4 : dueShards,
                    reportingZone == null ? io.kefu.shared.domain.customer.CustomerPreferences.DEFAULT_ZONE : ZoneId.of(reportingZone),
                    linkBase,
                    new SurveyPolicy.LowScoreRule(low.csatAtMost(), low.npsAtMost()),
                    rules);
        }
    }

    record Reminder(boolean enabled, Duration after) {}

    record LowScore(int csatAtMost, int npsAtMost) {}

    record Kind(Duration delay, int priority, List<Channel> channels, List<Topic> topics,
                Map<String, String> text, Map<String, String> reminderText) {}
}

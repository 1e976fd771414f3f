package io.kefu.shared.domain.qa;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** Reads and validates rulebook YAML (from the deployment package or a string stored in DynamoDB). */
public final class RulebookLoader {
    public static final String DEFAULT_RESOURCE = "/rulebooks/default.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            // A typo in a rulebook key must not silently disable a check.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // role: agent, direction: after, expect: absent as a QA lead writes them
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    private static final Set<RuleKind> NEEDS_PHRASES = EnumSet.of(RuleKind.OPENING_GREETING, RuleKind.CLOSING,
            RuleKind.SATISFACTION_ASK, RuleKind.EMPATHY, RuleKind.FORBIDDEN, RuleKind.RED_LINE, RuleKind.PROMISE,
            RuleKind.TRANSFER);
    private static final Set<RuleKind> NEEDS_SECONDS = EnumSet.of(RuleKind.FIRST_RESPONSE, RuleKind.REPLY_GAP);

    private RulebookLoader() {}

    public static Rulebook defaultRulebook() {
        return fromResource(DEFAULT_RESOURCE);
    }

    public static Rulebook fromResource(String resource) {
        try (InputStream in = RulebookLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidRulebookException("rulebook resource not found: " + resource);
            }
            return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidRulebookException("cannot read " + resource, e);
        }
    }

    public static Rulebook fromYaml(String yaml) {
        Rulebook book;
        try {
            book = YAML.readValue(yaml, Rulebook.class);
        } catch (IOException e) {
            throw new InvalidRulebookException("rulebook YAML: " + e.getMessage(), e);
        }
        validate(book);
        return book;
    }

    static void validate(Rulebook book) {
        if (book.id() == null || book.id().isBlank() || !book.id().matches("[A-Za-z0-9._-]+")) {
            throw new InvalidRulebookException("id: required, letters, digits, . _ - only");
        }
        if (book.version() < 1) {
            throw new InvalidRulebookException("version: must be >= 1");
        }
        if (book.rules().isEmpty()) {
            throw new InvalidRulebookException("rules: at least one rule");
        }
        String model = book.complaint().model();
        if (!Rulebook.Complaint.BUNDLED_MODEL.equals(model) && !Rulebook.Complaint.NO_MODEL.equals(model)) {
            throw new InvalidRulebookException("complaint.model: " + Rulebook.Complaint.BUNDLED_MODEL + " or "
                    + Rulebook.Complaint.NO_MODEL + ", not " + model);
        }
        double overruleAt = book.complaint().overruleAt();
        if (!(overruleAt >= ComplaintGrader.MODEL_SURE && overruleAt <= 1)) { // NaN too
            throw new InvalidRulebookException("complaint.overruleAt: from " + ComplaintGrader.MODEL_SURE
                    + " (as sure as the model must be to decide at all) to 1 (never), not " + overruleAt);
        }
        Set<String> sections = new HashSet<>();
        for (int i = 0; i < book.sections().size(); i++) {
            var section = book.sections().get(i);
            if (section.id() == null || !section.id().matches("[a-z0-9-]+") || !sections.add(section.id())) {
                throw new InvalidRulebookException("sections[" + i + "].id: required, unique, lower-case letters, digits and -");
            }
        }
        Set<String> ids = new HashSet<>();
        int total = 0;
        for (int i = 0; i < book.rules().size(); i++) {
            Rule rule = book.rules().get(i);
            String where = "rules[" + i + "]";
            if (rule.id() == null || !rule.id().matches("[a-z0-9-]+")) {
                throw new InvalidRulebookException(where + ".id: required, lower-case letters, digits and -");
            }
            if (!ids.add(rule.id())) {
                throw new InvalidRulebookException(where + ".id: duplicate " + rule.id());
            }
            where = where + "(" + rule.id() + ")";
            if (rule.kind() == null) {
                throw new InvalidRulebookException(where + ".kind: required");
            }
            if (rule.weight() < 0) {
                throw new InvalidRulebookException(where + ".weight: must be >= 0");
            }
            if ((rule.redLine() || rule.kind() == RuleKind.PROMISE) && rule.weight() != 0) {
                throw new InvalidRulebookException(where + ".weight: " + rule.kind() + " items are not weighted (use 0)");
            }
            if (NEEDS_PHRASES.contains(rule.kind()) && rule.phrases().isEmpty() && rule.patterns().isEmpty()
                    && rule.scripts().isEmpty() && rule.when() == null) {
                throw new InvalidRulebookException(where + ".phrases: " + rule.kind() + " needs phrases, patterns, scripts or when");
            }
            if (rule.kind() == RuleKind.CHECK && rule.when() == null) {
                throw new InvalidRulebookException(where + ".when: CHECK needs a condition");
            }
            if (rule.expect() != null && rule.kind() != RuleKind.CHECK) {
                throw new InvalidRulebookException(where + ".expect: only for CHECK rules (" + rule.kind() + " knows what it expects)");
            }
            if (rule.autoFails() && rule.section() == null) {
                throw new InvalidRulebookException(where + ".autoFail: needs the section it zeroes (section)");
            }
            if (rule.section() != null && !sections.contains(rule.section())) {
                throw new InvalidRulebookException(where + ".section: '" + rule.section() + "' is not one of sections "
                        + sections);
            }
            if (NEEDS_SECONDS.contains(rule.kind()) && (rule.seconds() == null || rule.seconds() <= 0)) {
                throw new InvalidRulebookException(where + ".seconds: " + rule.kind() + " needs a positive threshold");
            }
            if (rule.similarity() != null && (rule.similarity() <= 0 || rule.similarity() > 1)) {
                throw new InvalidRulebookException(where + ".similarity: between 0 (exclusive) and 1");
            }
            for (String pattern : rule.patterns()) {
                if (pattern.replace("*", "").isBlank()) {
                    throw new InvalidRulebookException(where + ".patterns: empty pattern");
                }
            }
            total += rule.weight();
        }
        if (total != 100) {
            throw new InvalidRulebookException("rules: weights add up to " + total + ", must be 100");
        }
        // Conditions, phrases and regexes are checked by compiling them (without building the automaton):
        // the message names the rule and the field path, e.g. rules[3](empathy).when.and[1].atLeast.n
        CompiledRulebook.compile(book, keys -> (text, sink) -> { });
        var scoring = book.scoring();
        if (scoring.reviewBelow() < 0 || scoring.reviewBelow() > 100) {
            throw new InvalidRulebookException("scoring.reviewBelow: 0..100");
        }
        if (scoring.calibrationSampleRate() < 0 || scoring.calibrationSampleRate() > 1) {
            throw new InvalidRulebookException("scoring.calibrationSampleRate: 0..1");
        }
    }
}

package io.kefu.shared.contract;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.Role;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.JsonContract;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A closed chat from the chat system (transcripts queue), schema version 1. See docs/events.md.
 * Validation names the field as a JSON path ("messages[3].ts") and the transcript it belongs to.
 */
public record TranscriptMessage(
        int schemaVersion,
        @JsonDeserialize(using = StrictText.class) String transcriptId,
        @JsonDeserialize(using = StrictText.class) String channel,
        @JsonDeserialize(using = StrictText.class) String shopId,
        @JsonDeserialize(using = StrictText.class) String team,
        @JsonDeserialize(contentUsing = StrictText.class) List<String> agentIds,
        @JsonDeserialize(using = StrictText.class) String customerId,
        @JsonDeserialize(using = StrictText.class) String orderId,
        @JsonDeserialize(using = StrictText.class) String locale,
        List<Line> messages) {

    /** One chat line as sent: role agent|customer|bot|system, ts ISO-8601 with offset. */
    public record Line(
            @JsonDeserialize(using = StrictText.class) String role,
            @JsonDeserialize(using = StrictText.class) String agentId,
            @JsonDeserialize(using = StrictText.class) String text,
            @JsonDeserialize(using = StrictText.class) String ts) {}

    public static final int VERSION = 1;
    /** Below SQS's 256 KiB, and small enough that the redacted, compressed copy fits in one DynamoDB item. */
    public static final int MAX_BYTES = 200_000;
    public static final int MAX_MESSAGES = 500;
    public static final int MAX_TEXT_CHARS = 4_000;
    public static final Set<String> LOCALES = Set.of("zh-CN", "zh-TW", "zh-HK", "en", "en-US", "en-GB");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static final JsonContract<TranscriptMessage> CONTRACT =
            JsonContract.withClock(TranscriptMessage.class, MAX_BYTES, Set.of(VERSION), TranscriptMessage::validate);

    public String localeOrDefault() {
        return locale == null || locale.isBlank() ? "zh-CN" : locale;
    }

    public String teamOrShop() {
        return team == null || team.isBlank() ? shopId : team;
    }

    private void validate(Instant now) {
        id("transcriptId", transcriptId);
        required("channel", channel);
        id("shopId", shopId);
        if (team != null) {
            id("team", team);
        }
        if (agentIds == null || agentIds.isEmpty()) {
            throw invalid("agentIds", "required, at least one agent id");
        }
        for (int i = 0; i < agentIds.size(); i++) {
            id("agentIds[" + i + "]", agentIds.get(i));
        }
        id("customerId", customerId);
        if (orderId != null) {
            id("orderId", orderId);
        }
        if (locale != null && !LOCALES.contains(locale)) {
            throw invalid("locale", "unsupported '" + locale + "', one of " + String.join(", ", LOCALES.stream().sorted().toList()));
        }
        if (messages == null || messages.isEmpty()) {
            throw invalid("messages", "required, at least one message");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw invalid("messages", messages.size() + " messages, at most " + MAX_MESSAGES);
        }
        Instant previous = null;
        for (int i = 0; i < messages.size(); i++) {
            Line line = messages.get(i);
            String at = "messages[" + i + "]";
            if (line == null) {
                throw invalid(at, "null message");
            }
            Role role = role(at, line.role());
            if (line.text() == null) {
                throw invalid(at + ".text", "required");
            }
            if (line.text().length() > MAX_TEXT_CHARS) {
                throw invalid(at + ".text", line.text().length() + " characters, at most " + MAX_TEXT_CHARS);
            }
            Instant ts = timestamp(at + ".ts", line.ts(), now);
            if (previous != null && ts.isBefore(previous)) {
                throw invalid(at + ".ts", line.ts() + " is before messages[" + (i - 1) + "].ts (messages must be in time order)");
            }
            previous = ts;
            if (role == Role.AGENT) {
                agentOf(at, line);
            } else if (line.agentId() != null) {
                throw invalid(at + ".agentId", "only agent messages carry an agentId");
            }
        }
    }

    /** The domain transcript; call only on a decoded (validated) message. */
    public Transcript toTranscript() {
        List<Message> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Line line = messages.get(i);
            Role role = Role.valueOf(line.role().toUpperCase(Locale.ROOT));
            String agentId = role == Role.AGENT ? agentOf("messages[" + i + "]", line) : null;
            out.add(new Message(i, role, agentId, line.text(), OffsetDateTime.parse(line.ts()).toInstant()));
        }
        return new Transcript(transcriptId, channel, shopId, teamOrShop(), agentIds, customerId, orderId,
                localeOrDefault(), out);
    }

    private String agentOf(String at, Line line) {
        if (line.agentId() == null) {
            if (agentIds.size() > 1) {
                throw invalid(at + ".agentId", "required when the chat has several agents");
            }
            return agentIds.get(0);
        }
        if (!agentIds.contains(line.agentId())) {
            throw invalid(at + ".agentId", "'" + line.agentId() + "' is not in agentIds");
        }
        return line.agentId();
    }

    private Role role(String at, String value) {
        if (value == null) {
            throw invalid(at + ".role", "required, one of agent, customer, bot, system");
        }
        try {
            return Role.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(at + ".role", "unknown role '" + value + "', one of agent, customer, bot, system");
        }
    }

    private Instant timestamp(String field, String value, Instant now) {
        if (value == null) {
            throw invalid(field, "required ISO-8601 timestamp with offset");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + value + "' is not an ISO-8601 timestamp with offset (e.g. 2026-11-11T10:00:00+08:00)");
        }
        String problem = ContractTimes.happenedProblem(instant, now);
        if (problem != null) {
            throw invalid(field, "'" + value + "' is " + problem);
        }
        return instant;
    }

    private void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "required");
        }
    }

    private void id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "required");
        }
        if (!ID.matcher(value).matches()) {
            throw invalid(field, "must be 1-128 of A-Z a-z 0-9 . _ : -");
        }
    }

    /** The reason names the transcript so an operator can find it in the chat system. */
    private InvalidMessageException invalid(String field, String reason) {
        String which = transcriptId == null || transcriptId.isBlank() ? "" : " (transcript " + transcriptId + ")";
        return new InvalidMessageException(field, reason + which);
    }
}

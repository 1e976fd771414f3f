package io.kefu.shared.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A versioned JSON message contract: size bound before parsing, supported {@code schemaVersion}s,
 * binding to a record, then the contract's own validation. Every failure is an
 * {@link InvalidMessageException} that names the offending field (JSON path).
 *
 * <p>Refused before binding, whatever the contract: duplicate keys (the mapper's strict duplicate detection),
 * and text that is not valid Unicode ({@link UnicodeText}): a lone surrogate such as {@code \ud800} (raw or as a
 * JSON escape) could be stored but not re-sent, because SQS refuses it in every message we would derive from it.
 */
public final class JsonContract<T> {
    private final Class<T> type;
    private final int maxBytes;
    private final Set<Integer> versions;
    private final Validator<T> validator;

    /** A contract's own checks; {@code now} is the function's clock, for bounds relative to it (ContractTimes). */
    @FunctionalInterface
    public interface Validator<T> {
        /** @throws InvalidMessageException naming the field that breaks the contract */
        void validate(T value, Instant now);
    }

    private JsonContract(Class<T> type, int maxBytes, Set<Integer> versions, Validator<T> validator) {
        this.type = type;
        this.maxBytes = maxBytes;
        this.versions = Set.copyOf(versions);
        this.validator = validator;
    }

    /**
     * @param validator throws {@link InvalidMessageException} naming the field that breaks the contract
     */
    public static <T> JsonContract<T> of(Class<T> type, int maxBytes, Set<Integer> versions, Consumer<T> validator) {
        return new JsonContract<>(type, maxBytes, versions, (value, now) -> validator.accept(value));
    }

    /** A contract whose validation needs the clock (times bounded relative to now). */
    public static <T> JsonContract<T> withClock(Class<T> type, int maxBytes, Set<Integer> versions, Validator<T> validator) {
        return new JsonContract<>(type, maxBytes, versions, validator);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Decodes against the system clock (samples, benchmarks); functions use {@link #decode(String, Instant)}. */
    public T decode(String body) {
        return decode(body, Instant.now());
    }

    /** @param now the receiving function's clock: times far ahead of it are refused */
    public T decode(String body, Instant now) {
        if (body == null || body.isBlank()) {
            throw new InvalidMessageException("$", "empty message body");
        }
        // Cheap bound first: a char is at most 3 UTF-8 bytes (BMP), so only measure when it could matter.
        if (body.length() > maxBytes || (body.length() * 3L > maxBytes
                && body.getBytes(StandardCharsets.UTF_8).length > maxBytes)) {
            throw new InvalidMessageException("$", "message is larger than " + maxBytes + " bytes");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (StreamReadException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    && e.getProcessor() != null) {
                throw new InvalidMessageException(path(e.getProcessor().getParsingContext()),
                        "duplicate key: each field may appear once");
            }
            throw new InvalidMessageException("$", "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("$", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidMessageException("$", "expected a JSON object");
        }
        rejectInvalidUnicode(tree);
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new InvalidMessageException("schemaVersion", "required integer, supported: " + supported());
        }
        if (!versions.contains(version.intValue())) {
            throw new InvalidMessageException("schemaVersion",
                    "unsupported version " + version.intValue() + ", supported: " + supported());
        }
        T value;
        try {
            value = Json.mapper().treeToValue(tree, type);
        } catch (InvalidFormatException e) {
            throw new InvalidMessageException(path(e), "invalid value " + e.getValue() + " for " + e.getTargetType().getSimpleName());
        } catch (MismatchedInputException e) {
            throw new InvalidMessageException(path(e), "wrong type, expected " + e.getTargetType().getSimpleName());
        } catch (JsonMappingException e) {
            throw new InvalidMessageException(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidMessageException("$", e.getMessage());
        }
        validator.validate(value, now);
        return value;
    }

    private String supported() {
        return versions.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Walks every key and string value; names the first that is not valid Unicode. */
    private static void rejectInvalidUnicode(JsonNode root) {
        Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
        todo.push(Map.entry("", root));
        while (!todo.isEmpty()) {
            Map.Entry<String, JsonNode> next = todo.pop();
            String at = next.getKey();
            JsonNode node = next.getValue();
            if (node.isTextual()) {
                String problem = UnicodeText.problem(node.textValue());
                if (problem != null) {
                    throw new InvalidMessageException(at.isEmpty() ? "$" : at, problem);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String child = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                    String problem = UnicodeText.problem(field.getKey());
                    if (problem != null) {
                        throw new InvalidMessageException(at.isEmpty() ? "$" : at, "a key: " + problem);
                    }
                    todo.push(Map.entry(child, field.getValue()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    todo.push(Map.entry(at + "[" + i + "]", node.get(i)));
                }
            }
        }
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty() && !part.startsWith("[")) {
                out.append('.');
            }
            out.append(part);
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }
}

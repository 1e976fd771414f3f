package io.kefu.shared.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A versioned JSON message contract: size bound before parsing, supported {@code schemaVersion}s,
 * binding to a record, then the contract's own validation. Every failure is an
 * {@link InvalidMessageException} that names the offending field (JSON path).
 */
public final class JsonContract<T> {
    private final Class<T> type;
    private final int maxBytes;
    private final Set<Integer> versions;
    private final Consumer<T> validator;

    private JsonContract(Class<T> type, int maxBytes, Set<Integer> versions, Consumer<T> validator) {
        this.type = type;
        this.maxBytes = maxBytes;
        this.versions = Set.copyOf(versions);
        this.validator = validator;
    }

    /**
     * @param validator throws {@link InvalidMessageException} naming the field that breaks the contract
     */
    public static <T> JsonContract<T> of(Class<T> type, int maxBytes, Set<Integer> versions, Consumer<T> validator) {
        return new JsonContract<>(type, maxBytes, versions, validator);
    }

    public int maxBytes() {
        return maxBytes;
    }

    public T decode(String body) {
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
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("$", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidMessageException("$", "expected a JSON object");
        }
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
        validator.accept(value);
        return value;
    }

    private String supported() {
        return versions.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
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

package io.gatehouse.policy.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON text into a {@link JsonValue} tree with source locations. Never throws: malformed
 * input, invalid UTF-8 and too-deep nesting come back as a {@link Failure} with a location.
 */
public final class LocatedJsonReader {

    /** The outcome of a read: a value or a failure. */
    public sealed interface Outcome {}

    public record Success(JsonValue value) implements Outcome {}

    public record Failure(String message, int line, int column) implements Outcome {}

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(2000).maxStringLength(5_000_000).maxNumberLength(1000).build())
            .build();

    private final int maxDepth;

    public LocatedJsonReader(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public Outcome read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            return readDocument(p);
        } catch (IOException | RuntimeException e) {
            return failure(e);
        }
    }

    public Outcome read(byte[] utf8) {
        try (JsonParser p = FACTORY.createParser(utf8)) {
            return readDocument(p);
        } catch (IOException | RuntimeException e) {
            return failure(e);
        }
    }

    private Outcome readDocument(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return new Failure("policy document is empty", 1, 1);
        }
        JsonValue value = readValue(p, first, 1);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            JsonLocation at = p.currentTokenLocation();
            return new Failure("unexpected content after the end of the policy document", at.getLineNr(), at.getColumnNr());
        }
        return new Success(value);
    }

    private JsonValue readValue(JsonParser p, JsonToken token, int depth) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        if (depth > maxDepth) {
            throw new TooDeep(line, col);
        }
        return switch (token) {
            case START_OBJECT -> {
                List<JsonValue.Member> members = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation nameAt = p.currentTokenLocation();
                    String name = p.currentName();
                    JsonValue v = readValue(p, p.nextToken(), depth + 1);
                    members.add(new JsonValue.Member(name, v, nameAt.getLineNr(), nameAt.getColumnNr()));
                }
                expectEnd(t, JsonToken.END_OBJECT, p);
                yield new JsonValue.JObject(List.copyOf(members), line, col);
            }
            case START_ARRAY -> {
                List<JsonValue> items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    items.add(readValue(p, t, depth + 1));
                }
                expectEnd(t, JsonToken.END_ARRAY, p);
                yield new JsonValue.JArray(List.copyOf(items), line, col);
            }
            case VALUE_STRING -> new JsonValue.JString(p.getText(), line, col);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.JNumber(p.getText(), line, col);
            case VALUE_TRUE -> new JsonValue.JBool(true, line, col);
            case VALUE_FALSE -> new JsonValue.JBool(false, line, col);
            case VALUE_NULL -> new JsonValue.JNull(line, col);
            default -> throw new JsonProcessingException("unexpected token " + token, at) {};
        };
    }

    private static void expectEnd(JsonToken actual, JsonToken expected, JsonParser p) throws IOException {
        if (actual != expected) {
            throw new JsonProcessingException("unexpected end of input", p.currentLocation()) {};
        }
    }

    private static Failure failure(Exception e) {
        if (e instanceof TooDeep d) {
            return new Failure("policy document is nested too deeply", d.line, d.column);
        }
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            JsonLocation at = j.getLocation();
            return new Failure("Syntax errors in policy. " + firstLine(j.getOriginalMessage()),
                    Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
        }
        return new Failure("Syntax errors in policy. " + firstLine(String.valueOf(e.getMessage())), 0, 0);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Thrown inside the reader only; carries where the depth limit was crossed. */
    private static final class TooDeep extends RuntimeException {
        final int line;
        final int column;

        TooDeep(int line, int column) {
            super(null, null, false, false);
            this.line = line;
            this.column = column;
        }
    }
}

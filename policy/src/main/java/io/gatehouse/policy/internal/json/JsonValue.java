package io.gatehouse.policy.internal.json;

import java.util.List;

/** A JSON value that remembers where it started in the source, so findings can point at it. */
public sealed interface JsonValue {
    int line();

    int column();

    /** AWS's name for the JSON type, used in findings ("string", "array", ...). */
    String typeName();

    record JObject(List<Member> members, int line, int column) implements JsonValue {
        public String typeName() { return "object"; }

        public JsonValue get(String name) {
            for (Member m : members) {
                if (m.name().equals(name)) {
                    return m.value();
                }
            }
            return null;
        }
    }

    record Member(String name, JsonValue value, int line, int column) {}

    record JArray(List<JsonValue> items, int line, int column) implements JsonValue {
        public String typeName() { return "array"; }
    }

    record JString(String value, int line, int column) implements JsonValue {
        public String typeName() { return "string"; }
    }

    record JNumber(String text, int line, int column) implements JsonValue {
        public String typeName() { return "number"; }
    }

    record JBool(boolean value, int line, int column) implements JsonValue {
        public String typeName() { return "boolean"; }
    }

    record JNull(int line, int column) implements JsonValue {
        public String typeName() { return "null"; }
    }
}

package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a decoded input tree against its shape: required members, lengths and sizes, numeric
 * ranges, patterns, enums and JSON types. It collects every violation, as AWS reports them all.
 * Members the shape does not know are skipped (AWS ignores them).
 */
final class InputValidator {
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final List<Violation> violations = new ArrayList<>(0);

  private InputValidator() {}

  /** @return the violations, in the order of the input; empty when the input is valid */
  static List<Violation> validate(Shape input, JsonNode tree) {
    InputValidator v = new InputValidator();
    if (input != null) v.structure(input, tree, "");
    return v.violations;
  }

  private void structure(Shape shape, JsonNode node, String prefix) {
    for (String r : shape.required) {
      JsonNode value = node.get(r);
      if (value == null || value.isNull()) {
        Member m = shape.member(r);
        violations.add(new Violation(Violation.Kind.REQUIRED, join(prefix, m.path()), "null", "Member must not be null"));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Member m = shape.member(field.getKey());
      if (m == null || field.getValue().isNull()) continue;
      value(m.shape(), field.getValue(), join(prefix, m.path()));
    }
  }

  private void value(Shape shape, JsonNode node, String path) {
    switch (shape.type) {
      case STRUCTURE -> {
        if (!node.isObject()) type(shape, node, path, "Member must be a structure");
        else structure(shape, node, path);
      }
      case LIST -> {
        if (!node.isArray()) {
          type(shape, node, path, "Member must be a list");
          return;
        }
        length(shape, node, path, node.size());
        for (int i = 0; i < node.size(); i++) {
          JsonNode item = node.get(i);
          if (!item.isNull()) value(shape.listMember.shape(), item, path + "." + (i + 1) + ".member");
        }
      }
      case MAP -> {
        if (!node.isObject()) {
          type(shape, node, path, "Member must be a map");
          return;
        }
        length(shape, node, path, node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          value(shape.mapKey.shape(), WireJson.NODES.textNode(e.getKey()), path + "." + e.getKey() + ".key");
          if (!e.getValue().isNull()) value(shape.mapValue.shape(), e.getValue(), path + "." + e.getKey() + ".value");
        }
      }
      case STRING -> {
        if (!node.isTextual()) {
          type(shape, node, path, "Member must be a string");
          return;
        }
        String s = node.textValue();
        length(shape, node, path, s.codePointCount(0, s.length()));
        if (shape.enumSet != null && !shape.enumSet.contains(s)) {
          add(Violation.Kind.ENUM, shape, node, path, "Member must satisfy enum value set: " + shape.enumValues);
        }
        if (shape.pattern != null && !shape.pattern.matcher(s).matches()) {
          add(Violation.Kind.PATTERN, shape, node, path, "Member must satisfy regular expression pattern: " + shape.pattern.pattern());
        }
      }
      case BLOB -> {
        if (!node.isTextual()) type(shape, node, path, "Member must be a base64-encoded string");
        else length(shape, node, path, node.textValue().length());
      }
      case INTEGER, LONG -> {
        if (!node.isIntegralNumber()) {
          type(shape, node, path, "Member must be an integer");
          return;
        }
        BigInteger v = node.bigIntegerValue();
        boolean isInt = shape.type == Shape.Type.INTEGER;
        if (v.compareTo(isInt ? INT_MIN : LONG_MIN) < 0 || v.compareTo(isInt ? INT_MAX : LONG_MAX) > 0) {
          type(shape, node, path, "Member must be " + (isInt ? "a 32-bit" : "a 64-bit") + " integer");
          return;
        }
        range(shape, node, path, v.longValue());
      }
      case FLOAT, DOUBLE -> {
        if (!node.isNumber()) type(shape, node, path, "Member must be a number");
      }
      case BOOLEAN -> {
        if (!node.isBoolean()) type(shape, node, path, "Member must be a boolean");
      }
      case TIMESTAMP -> {
        if (Timestamps.fromNode(node) == null) type(shape, node, path, "Member must be a timestamp");
      }
      case DOCUMENT -> {}
    }
  }

  private void length(Shape shape, JsonNode node, String path, long length) {
    if (shape.min != null && length < shape.min) {
      add(Violation.Kind.MIN_LENGTH, shape, node, path, "Member must have length greater than or equal to " + shape.min);
    }
    if (shape.max != null && length > shape.max) {
      add(Violation.Kind.MAX_LENGTH, shape, node, path, "Member must have length less than or equal to " + shape.max);
    }
  }

  private void range(Shape shape, JsonNode node, String path, long value) {
    if (shape.min != null && value < shape.min) {
      add(Violation.Kind.MIN_VALUE, shape, node, path, "Member must have value greater than or equal to " + shape.min);
    }
    if (shape.max != null && value > shape.max) {
      add(Violation.Kind.MAX_VALUE, shape, node, path, "Member must have value less than or equal to " + shape.max);
    }
  }

  private void type(Shape shape, JsonNode node, String path, String constraint) {
    add(Violation.Kind.TYPE, shape, node, path, constraint);
  }

  private void add(Violation.Kind kind, Shape shape, JsonNode node, String path, String constraint) {
    violations.add(new Violation(kind, path, shape.sensitive ? "" : quote(node), constraint));
  }

  /** AWS quotes values as {@code 'text'}, lists as {@code '[a, b]'}. */
  private static String quote(JsonNode node) {
    if (node.isTextual()) return "'" + node.textValue() + "'";
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("'[");
      for (int i = 0; i < node.size(); i++) sb.append(i > 0 ? ", " : "").append(node.get(i).isTextual() ? node.get(i).textValue() : node.get(i).toString());
      return sb.append("]'").toString();
    }
    return "'" + node + "'";
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}

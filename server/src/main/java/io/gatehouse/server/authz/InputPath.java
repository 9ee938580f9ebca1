package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a value sits in an operation's decoded input (the tree keyed by model member names):
 * {@code RoleName}, {@code MemberId.UserId} (a nested member), {@code TagKeys[]} (each element of a
 * list), {@code Tags[].Key} (a member of each element). Parsed once at load.
 */
record InputPath(String spec, List<String> steps) {
  static final String EACH = "[]";

  static InputPath parse(String spec) {
    java.util.ArrayList<String> steps = new java.util.ArrayList<>();
    for (String part : spec.split("\\.")) {
      if (part.endsWith(EACH)) {
        steps.add(part.substring(0, part.length() - 2));
        steps.add(EACH);
      } else {
        steps.add(part);
      }
    }
    if (steps.isEmpty() || steps.getFirst().isEmpty()) throw new IllegalArgumentException("empty input path `" + spec + "`");
    return new InputPath(spec, List.copyOf(steps));
  }

  /** The top-level member this path starts at. */
  String member() {
    return steps.getFirst();
  }

  /** Passes every scalar value found at this path to {@code sink}; absent members give nothing. */
  void values(JsonNode input, Consumer<String> sink) {
    walk(input, 0, sink);
  }

  /** The first value at this path, or null. */
  String first(JsonNode input) {
    JsonNode n = input;
    for (String step : steps) {
      if (n == null) return null;
      n = EACH.equals(step) ? (n.isArray() && !n.isEmpty() ? n.get(0) : null) : n.get(step);
    }
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  private void walk(JsonNode n, int i, Consumer<String> sink) {
    if (n == null || n.isNull() || n.isMissingNode()) return;
    if (i == steps.size()) {
      if (!n.isContainerNode()) sink.accept(n.asText());
      return;
    }
    String step = steps.get(i);
    if (EACH.equals(step)) {
      if (n.isArray()) for (JsonNode e : n) walk(e, i + 1, sink);
    } else {
      walk(n.get(step), i + 1, sink);
    }
  }

  @Override
  public String toString() {
    return spec;
  }
}

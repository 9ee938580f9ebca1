package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Where the value of one ARN template variable comes from in an operation's input. */
sealed interface VariableSource {

  /** The top-level input member this source reads (for tests that check the model has it). */
  String member();

  /** Passes each value found to {@code sink}, recording bound names in {@code bound}. */
  void values(JsonNode input, String resourceType, String variable, ArnResolver resolver, Map<String, String> bound,
      Consumer<String> sink);

  /**
   * Parses {@code Member}, {@code Member.Nested}, {@code List[]}, {@code Member~regex} (only values
   * matching the regex, e.g. 12-digit account ids among parent ids), {@code Path+Name} (an IAM
   * name with its path).
   */
  static VariableSource parse(String spec) {
    int plus = spec.indexOf('+');
    if (plus > 0) return new PathAndName(InputPath.parse(spec.substring(0, plus)), InputPath.parse(spec.substring(plus + 1)));
    int tilde = spec.indexOf('~');
    if (tilde > 0) return new Member(InputPath.parse(spec.substring(0, tilde)), Pattern.compile(spec.substring(tilde + 1)));
    return new Member(InputPath.parse(spec), null);
  }

  /** The value of an input member, optionally only when it matches a pattern. */
  record Member(InputPath path, Pattern pattern) implements VariableSource {
    @Override
    public String member() {
      return path.member();
    }

    @Override
    public void values(JsonNode input, String resourceType, String variable, ArnResolver resolver, Map<String, String> bound,
        Consumer<String> sink) {
      path.values(input, v -> {
        if (pattern == null || pattern.matcher(v).matches()) {
          bound.putIfAbsent(variable, v);
          sink.accept(v);
        }
      });
    }

    @Override
    public String toString() {
      return pattern == null ? path.spec() : path.spec() + "~" + pattern.pattern();
    }
  }

  /**
   * An IAM name with its path, as {@code ${RoleNameWithPath}} wants it: {@code app/x} for path
   * {@code /app/} and name {@code x}. When the input has no path (every call but Create*), the
   * resolver gives the existing entity's name with path; when it does not know the entity, the
   * name alone (path {@code /}).
   */
  record PathAndName(InputPath path, InputPath name) implements VariableSource {
    @Override
    public String member() {
      return name.member();
    }

    @Override
    public void values(JsonNode input, String resourceType, String variable, ArnResolver resolver, Map<String, String> bound,
        Consumer<String> sink) {
      String n = name.first(input);
      if (n == null) return;
      bound.put(name.member(), n);
      String p = path.first(input);
      if (p != null) {
        sink.accept(withoutLeadingSlash(p) + n);
        return;
      }
      String known = resolver.resolve(resourceType, variable, bound);
      sink.accept(known != null ? known : n);
    }

    @Override
    public String toString() {
      return path.spec() + "+" + name.spec();
    }

    private static String withoutLeadingSlash(String path) {
      return path.startsWith("/") ? path.substring(1) : path;
    }
  }
}

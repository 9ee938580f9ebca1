package io.gatehouse.server.awsprotocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rest-json {@code http.requestUri} such as {@code /federation/credentials}, {@code /things/{Id}}
 * or {@code /token?aws_iam=t}: literal path segments, labels ({@code {Name}}, greedy {@code {Name+}})
 * and literal query parameters that must be present.
 */
final class UriTemplate {
  private record Segment(String literal, String label, boolean greedy) {}

  private final String text;
  private final List<Segment> segments;
  private final Map<String, String> requiredQuery;

  private UriTemplate(String text, List<Segment> segments, Map<String, String> requiredQuery) {
    this.text = text;
    this.segments = segments;
    this.requiredQuery = requiredQuery;
  }

  static UriTemplate parse(String requestUri) {
    int q = requestUri.indexOf('?');
    String path = q < 0 ? requestUri : requestUri.substring(0, q);
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : requestUri.substring(q + 1).split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    List<Segment> segments = new ArrayList<>();
    for (String s : splitPath(path)) {
      if (s.startsWith("{") && s.endsWith("}")) {
        String label = s.substring(1, s.length() - 1);
        boolean greedy = label.endsWith("+");
        segments.add(new Segment(null, greedy ? label.substring(0, label.length() - 1) : label, greedy));
      } else {
        segments.add(new Segment(s, null, false));
      }
    }
    return new UriTemplate(requestUri, List.copyOf(segments), Map.copyOf(query));
  }

  /** Templates with literal query parameters are more specific than the same path without. */
  int specificity() {
    return requiredQuery.size();
  }

  /**
   * @param rawPath the percent-encoded request path
   * @param query the decoded query parameters
   * @return the labels' values, percent-decoded, or null if the request does not match
   */
  Map<String, String> match(String rawPath, Map<String, List<String>> query) {
    for (var required : requiredQuery.entrySet()) {
      List<String> values = query.get(required.getKey());
      if (values == null || (!required.getValue().isEmpty() && !values.contains(required.getValue()))) return null;
    }
    List<String> parts = splitPath(rawPath);
    Map<String, String> labels = null;
    int i = 0;
    for (int s = 0; s < segments.size(); s++) {
      Segment seg = segments.get(s);
      if (seg.greedy) {
        if (i >= parts.size()) return null;
        StringBuilder rest = new StringBuilder();
        for (int j = i; j < parts.size(); j++) rest.append(j > i ? "/" : "").append(FormCodec.percentDecode(parts.get(j), false));
        if (labels == null) labels = new HashMap<>();
        labels.put(seg.label, rest.toString());
        i = parts.size();
        continue;
      }
      if (i >= parts.size()) return null;
      String part = parts.get(i++);
      if (seg.label != null) {
        if (part.isEmpty()) return null;
        if (labels == null) labels = new HashMap<>();
        labels.put(seg.label, FormCodec.percentDecode(part, false));
      } else if (!seg.literal.equals(part)) {
        return null;
      }
    }
    if (i != parts.size()) return null;
    return labels == null ? Map.of() : labels;
  }

  private static List<String> splitPath(String path) {
    List<String> parts = new ArrayList<>();
    int start = path.startsWith("/") ? 1 : 0;
    if (start >= path.length()) return parts;
    String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(start, path.length() - 1) : path.substring(start);
    if (trimmed.isEmpty()) return parts;
    int from = 0;
    while (true) {
      int slash = trimmed.indexOf('/', from);
      if (slash < 0) {
        parts.add(trimmed.substring(from));
        return parts;
      }
      parts.add(trimmed.substring(from, slash));
      from = slash + 1;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}

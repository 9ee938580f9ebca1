package io.gatehouse.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SigV4 canonical request, built exactly as AWS specifies:
 *
 * <pre>
 * METHOD \n canonical URI \n canonical query \n canonical headers \n signed headers \n payload hash
 * </pre>
 *
 * <p>Hand-written scanners rather than regular expressions: this runs on every request.
 */
final class CanonicalRequest {
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  /** A query parameter in canonical form: both halves percent-encoded as SigV4 requires. */
  record Parameter(String name, String value) implements Comparable<Parameter> {
    @Override
    public int compareTo(Parameter o) {
      int c = name.compareTo(o.name);
      return c != 0 ? c : value.compareTo(o.value);
    }
  }

  private CanonicalRequest() {}

  static String build(String method, String canonicalUri, List<Parameter> query, String excludedParameter,
      Map<String, List<String>> headers, List<String> signedHeaders, String signedHeadersLine, String payloadHash) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(method).append('\n').append(canonicalUri).append('\n');
    appendQuery(sb, query, excludedParameter);
    sb.append('\n');
    for (String name : signedHeaders) {
      sb.append(name).append(':');
      appendHeaderValues(sb, headers.get(name));
      sb.append('\n');
    }
    sb.append('\n').append(signedHeadersLine).append('\n').append(payloadHash);
    return sb.toString();
  }

  // ---- URI ----

  /**
   * The canonical URI. With {@code normalize} (every service but S3), the path as sent is cleaned of
   * empty and dot segments (RFC 3986 section 5.2.4, plus AWS's removal of repeated slashes; a trailing
   * slash stays only if the path as sent ends with one, as botocore and the Java SDK sign it) and then
   * URI-encoded once more, so {@code %20} on the wire becomes {@code %2520}. Without it (S3), the path
   * is decoded and encoded once.
   */
  static String uri(String rawPath, boolean normalize) {
    if (rawPath == null || rawPath.isEmpty() || "/".equals(rawPath)) return "/";
    if (!normalize) return encode(percentDecode(rawPath), true);
    List<String> segments = new ArrayList<>();
    int start = 0;
    int length = rawPath.length();
    while (start <= length) {
      int end = rawPath.indexOf('/', start);
      if (end < 0) end = length;
      if (end - start == 2 && rawPath.charAt(start) == '.' && rawPath.charAt(start + 1) == '.') {
        if (!segments.isEmpty()) segments.remove(segments.size() - 1);
      } else if (end > start && !(end - start == 1 && rawPath.charAt(start) == '.')) {
        segments.add(rawPath.substring(start, end));
      }
      start = end + 1;
    }
    if (segments.isEmpty()) return "/";
    StringBuilder sb = new StringBuilder(length + 16);
    for (String segment : segments) {
      sb.append('/');
      appendEncoded(sb, segment, false);
    }
    if (rawPath.charAt(length - 1) == '/') sb.append('/');
    return sb.toString();
  }

  // ---- query ----

  /**
   * Parses a raw query string into canonical parameters, unsorted. Each name and value is decoded
   * ({@code +} as a space, as form decoding does) and re-encoded: unreserved characters bare,
   * everything else {@code %XX} in upper case. A parameter without {@code =} has an empty value;
   * one with an empty name is left out, as clients leave it out when they sign.
   */
  static List<Parameter> parseQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) return List.of();
    List<Parameter> out = new ArrayList<>();
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) end = length;
      int eq = rawQuery.indexOf('=', start);
      if (eq < 0 || eq > end) eq = end;
      if (eq > start) { // clients sign no parameter with an empty name
        String name = canonicalComponent(rawQuery, start, eq);
        String value = eq < end ? canonicalComponent(rawQuery, eq + 1, end) : "";
        out.add(new Parameter(name, value));
      }
      start = end + 1;
    }
    return out;
  }

  /** The decoded value of the first parameter named {@code name}, or null. */
  static String parameter(List<Parameter> query, String name) {
    for (Parameter p : query) {
      if (p.name().equals(name)) return percentDecode(p.value());
    }
    return null;
  }

  static boolean hasParameter(List<Parameter> query, String name) {
    for (Parameter p : query) {
      if (p.name().equals(name)) return true;
    }
    return false;
  }

  private static void appendQuery(StringBuilder sb, List<Parameter> query, String excluded) {
    if (query.isEmpty()) return;
    Parameter[] sorted = query.toArray(new Parameter[0]);
    if (sorted.length > 1) java.util.Arrays.sort(sorted);
    boolean first = true;
    for (Parameter p : sorted) {
      if (p.name().equals(excluded)) continue;
      if (!first) sb.append('&');
      sb.append(p.name()).append('=').append(p.value());
      first = false;
    }
  }

  /** Canonical form of {@code raw[from, to)}: decode escapes (keeping invalid ones literal), then encode. */
  private static String canonicalComponent(String raw, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from + 8);
    int i = from;
    while (i < to) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < to && hexValue(raw.charAt(i + 1)) >= 0 && hexValue(raw.charAt(i + 2)) >= 0) {
        int b = (hexValue(raw.charAt(i + 1)) << 4) | hexValue(raw.charAt(i + 2));
        if (b < 0x80 && unreserved((char) b)) {
          sb.append((char) b);
        } else {
          sb.append('%').append(HEX_UPPER[b >> 4]).append(HEX_UPPER[b & 0xf]);
        }
        i += 3;
      } else if (c == '+') {
        sb.append("%20");
        i++;
      } else if (c < 0x80) {
        if (unreserved(c)) {
          sb.append(c);
        } else {
          appendByte(sb, c);
        }
        i++;
      } else {
        int cp = raw.codePointAt(i);
        int n = Character.charCount(cp);
        appendEncoded(sb, raw.substring(i, Math.min(i + n, to)), false);
        i += n;
      }
    }
    return sb.toString();
  }

  // ---- headers ----

  /** Values of one header, each trimmed with inner runs of whitespace folded to one space, joined by commas. */
  private static void appendHeaderValues(StringBuilder sb, List<String> values) {
    if (values == null) return;
    for (int v = 0; v < values.size(); v++) {
      if (v > 0) sb.append(',');
      String value = values.get(v);
      int start = 0;
      int end = value.length();
      while (start < end && isSpace(value.charAt(start))) start++;
      while (end > start && isSpace(value.charAt(end - 1))) end--;
      boolean inSpace = false;
      for (int i = start; i < end; i++) {
        char c = value.charAt(i);
        if (isSpace(c)) {
          if (!inSpace) sb.append(' ');
          inSpace = true;
        } else {
          sb.append(c);
          inSpace = false;
        }
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000b' || c == '\f';
  }

  // ---- encoding ----

  static String encode(String s, boolean keepSlash) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    appendEncoded(sb, s, keepSlash);
    return sb.toString();
  }

  /** RFC 3986 encoding as SigV4 wants it: unreserved bare, every other UTF-8 byte as {@code %XX}. */
  private static void appendEncoded(StringBuilder sb, String s, boolean keepSlash) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (unreserved(c) || (keepSlash && c == '/')) {
          sb.append(c);
        } else {
          appendByte(sb, c);
        }
      } else {
        int cp = s.codePointAt(i);
        int n = Character.charCount(cp);
        for (byte b : s.substring(i, i + n).getBytes(StandardCharsets.UTF_8)) appendByte(sb, b & 0xff);
        i += n - 1;
      }
    }
  }

  private static void appendByte(StringBuilder sb, int b) {
    sb.append('%').append(HEX_UPPER[b >> 4]).append(HEX_UPPER[b & 0xf]);
  }

  static boolean unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '~';
  }

  /** Decodes {@code %XX} escapes as UTF-8; an invalid escape stays as it is. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) return s;
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hexValue(s.charAt(i + 1)) >= 0 && hexValue(s.charAt(i + 2)) >= 0) {
        out.write((hexValue(s.charAt(i + 1)) << 4) | hexValue(s.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        int cp = s.codePointAt(i);
        int n = Character.charCount(cp);
        out.writeBytes(s.substring(i, i + n).getBytes(StandardCharsets.UTF_8));
        i += n - 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  }
}

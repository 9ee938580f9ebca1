package io.gatehouse.server.awsprotocol;

import java.util.List;
import java.util.Map;

/**
 * A raw HTTP request as the wire delivered it, independent of the HTTP server.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path exactly as sent, still percent-encoded
 * @param rawQuery the query string as sent, without {@code ?}; empty if none
 * @param headers header values by lower-case name, in the order received
 * @param body the request body (possibly empty, never null)
 * @param sourceIp the client's address
 */
public record HttpRequestData(
    String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body, String sourceIp) {

  /** The first value of a header, by case-insensitive name, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}

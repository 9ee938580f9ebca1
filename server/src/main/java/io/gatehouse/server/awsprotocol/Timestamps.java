package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps on the wire: JSON protocols send epoch seconds (possibly fractional), the query
 * protocol and XML use ISO-8601. Inside the protocol layer a timestamp is always an epoch-seconds number.
 */
final class Timestamps {
  private Timestamps() {}

  static JsonNode epochNode(Instant t) {
    if (t.getNano() == 0) return WireJson.NODES.numberNode(t.getEpochSecond());
    return WireJson.NODES.numberNode(BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros());
  }

  /** An epoch-seconds node for ISO-8601 or numeric text, or null if the text is neither. */
  static JsonNode parseText(String text) {
    Instant t = parseInstant(text);
    return t == null ? null : epochNode(t);
  }

  static Instant parseInstant(String text) {
    if (text == null || text.isEmpty()) return null;
    char first = text.charAt(0);
    if (first >= '0' && first <= '9' && text.indexOf('-') < 0) {
      try {
        return fromSeconds(new BigDecimal(text));
      } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
        return null;
      }
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The instant of an epoch-seconds node or ISO text node, or null. */
  static Instant fromNode(JsonNode node) {
    if (node == null || node.isNull()) return null;
    if (node.isNumber()) {
      try {
        return fromSeconds(node.decimalValue());
      } catch (ArithmeticException | java.time.DateTimeException e) {
        return null;
      }
    }
    return node.isTextual() ? parseInstant(node.textValue()) : null;
  }

  private static Instant fromSeconds(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }
}

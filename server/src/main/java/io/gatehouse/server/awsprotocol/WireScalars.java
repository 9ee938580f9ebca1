package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Turns the text of a query parameter, path label or header into the JSON value its shape
 * expects. Text that does not fit stays text, so the validator reports it as a type error.
 */
final class WireScalars {
  private WireScalars() {}

  static JsonNode fromText(Shape shape, String text) {
    return switch (shape.type) {
      case STRING, BLOB, DOCUMENT, STRUCTURE, LIST, MAP -> WireJson.NODES.textNode(text);
      case INTEGER, LONG -> {
        try {
          yield WireJson.NODES.numberNode(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
          yield WireJson.NODES.textNode(text);
        }
      }
      case FLOAT, DOUBLE -> {
        try {
          yield WireJson.NODES.numberNode(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
          yield WireJson.NODES.textNode(text);
        }
      }
      case BOOLEAN -> {
        if ("true".equalsIgnoreCase(text)) yield WireJson.NODES.booleanNode(true);
        if ("false".equalsIgnoreCase(text)) yield WireJson.NODES.booleanNode(false);
        yield WireJson.NODES.textNode(text);
      }
      case TIMESTAMP -> {
        JsonNode t = Timestamps.parseText(text);
        yield t != null ? t : WireJson.NODES.textNode(text);
      }
    };
  }
}

package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Strict parsing of a JSON request body into an object tree; an empty body is {@code {}}. */
final class JsonBody {
  private JsonBody() {}

  static ObjectNode parse(byte[] body) {
    if (body.length == 0) return WireJson.NODES.objectNode();
    JsonNode node;
    try {
      node = WireJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      // Jackson's own messages name its classes and features; say where, not how.
      var at = e.getLocation();
      throw new ProtocolFailure(ProtocolFailure.Kind.MALFORMED_REQUEST, at == null || at.getLineNr() < 0
          ? "The request body is not valid JSON"
          : "The request body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    } catch (java.io.IOException e) {
      // Jackson reports undecodable bytes (e.g. a broken UTF-32 guess) as plain IOExceptions.
      throw new ProtocolFailure(ProtocolFailure.Kind.MALFORMED_REQUEST, "The request body is not valid UTF-8 JSON");
    }
    if (node == null || node.isMissingNode()) return WireJson.NODES.objectNode();
    if (!node.isObject()) throw new ProtocolFailure(ProtocolFailure.Kind.MALFORMED_REQUEST, "The request body must be a JSON object");
    return (ObjectNode) node;
  }

}

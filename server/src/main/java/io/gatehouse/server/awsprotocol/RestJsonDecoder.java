package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Merges a rest-json request into one input tree: members bound to {@code uri}, {@code querystring}
 * and {@code header} come from the path labels, query string and headers; the rest from the JSON body.
 */
final class RestJsonDecoder {
  private RestJsonDecoder() {}

  static ObjectNode decode(OperationModel op, HttpRequestData request, Map<String, List<String>> query, Map<String, String> labels) {
    Shape input = op.input();
    ObjectNode tree;
    if (request.body().length > 0 && input != null && hasBodyMembers(input)) {
      if (!Router.isJsonContentType(request.header("content-type"))) {
        throw new ProtocolFailure(ProtocolFailure.Kind.UNSUPPORTED_MEDIA_TYPE, "The content type must be application/json");
      }
      tree = JsonBody.parse(request.body());
    } else {
      tree = WireJson.NODES.objectNode();
    }
    if (input == null) return tree;
    for (Member m : input.members.values()) {
      if (m.inBody()) continue;
      tree.remove(m.name());
      String wire = m.wireName();
      JsonNode value = switch (m.location()) {
        case "uri" -> labels.containsKey(wire) ? WireScalars.fromText(m.shape(), labels.get(wire)) : null;
        case "querystring" -> fromValues(m.shape(), query.get(wire));
        case "header" -> {
          String h = request.header(wire);
          yield h == null ? null : m.shape().type == Shape.Type.LIST ? fromValues(m.shape(), java.util.Arrays.stream(h.split(",", -1)).map(String::trim).toList()) : WireScalars.fromText(m.shape(), h);
        }
        default -> null;
      };
      if (value != null) tree.set(m.name(), value);
    }
    return tree;
  }

  private static JsonNode fromValues(Shape shape, List<String> values) {
    if (values == null || values.isEmpty()) return null;
    if (shape.type != Shape.Type.LIST) return WireScalars.fromText(shape, values.get(0));
    ArrayNode items = WireJson.NODES.arrayNode();
    for (String v : values) items.add(WireScalars.fromText(shape.listMember.shape(), v));
    return items;
  }

  private static boolean hasBodyMembers(Shape input) {
    for (Member m : input.members.values()) {
      if (m.inBody()) return true;
    }
    return false;
  }
}

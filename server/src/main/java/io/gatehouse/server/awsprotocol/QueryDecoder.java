package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Rebuilds the input structure from query-protocol parameters, guided by the input shape:
 * {@code Tags.member.1.Key}, flattened lists {@code Name.1}, maps {@code Attrs.entry.1.key/value},
 * nested structures {@code A.B}. Parameters that match no member are ignored, as AWS ignores them.
 */
final class QueryDecoder {
  /** Stops a request from making the decoder walk millions of list indexes. */
  private static final int MAX_ITEMS = 10_000;

  private final NavigableMap<String, String> params;

  private QueryDecoder(NavigableMap<String, String> params) {
    this.params = params;
  }

  static ObjectNode decode(Shape input, Map<String, List<String>> parameters) {
    ObjectNode out = WireJson.NODES.objectNode();
    if (input == null) return out;
    NavigableMap<String, String> flat = new TreeMap<>();
    parameters.forEach((k, v) -> flat.put(k, v.get(0)));
    new QueryDecoder(flat).structure(input, "", out);
    return out;
  }

  private void structure(Shape shape, String prefix, ObjectNode out) {
    for (Member m : shape.members.values()) {
      JsonNode v = value(m.shape(), prefix + m.wireName(), m.flattened() || m.shape().flattened);
      if (v != null) out.set(m.name(), v);
    }
  }

  private JsonNode value(Shape shape, String key, boolean flattened) {
    return switch (shape.type) {
      case STRUCTURE -> {
        if (!hasChildren(key)) yield null;
        ObjectNode node = WireJson.NODES.objectNode();
        structure(shape, key + ".", node);
        yield node;
      }
      case LIST -> list(shape, key, flattened);
      case MAP -> map(shape, key, flattened);
      default -> {
        String text = params.get(key);
        yield text == null ? null : WireScalars.fromText(shape, text);
      }
    };
  }

  private JsonNode list(Shape shape, String key, boolean flattened) {
    Member element = shape.listMember;
    String itemPrefix = flattened ? key + "." : key + "." + (element.locationName() != null ? element.locationName() : "member") + ".";
    if (!hasChildren(key)) {
      // AWS SDKs send an empty list as the bare name with an empty value.
      String bare = params.get(key);
      return bare != null && bare.isEmpty() ? WireJson.NODES.arrayNode() : null;
    }
    ArrayNode items = WireJson.NODES.arrayNode();
    for (int i = 1; i <= MAX_ITEMS; i++) {
      JsonNode item = value(element.shape(), itemPrefix + i, false);
      if (item == null) break;
      items.add(item);
    }
    return items;
  }

  private JsonNode map(Shape shape, String key, boolean flattened) {
    if (!hasChildren(key)) return null;
    String entryPrefix = flattened ? key + "." : key + ".entry.";
    String keyName = shape.mapKey.locationName() != null ? shape.mapKey.locationName() : "key";
    String valueName = shape.mapValue.locationName() != null ? shape.mapValue.locationName() : "value";
    ObjectNode entries = WireJson.NODES.objectNode();
    for (int i = 1; i <= MAX_ITEMS; i++) {
      String k = params.get(entryPrefix + i + "." + keyName);
      if (k == null) break;
      JsonNode v = value(shape.mapValue.shape(), entryPrefix + i + "." + valueName, false);
      entries.set(k, v == null ? WireJson.NODES.nullNode() : v);
    }
    return entries;
  }

  private boolean hasChildren(String key) {
    String prefix = key + ".";
    String next = params.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }
}

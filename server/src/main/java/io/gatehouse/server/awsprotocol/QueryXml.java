package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes query-protocol XML: {@code <OpResponse xmlns=..><OpResult>..</OpResult><ResponseMetadata>..}
 * and {@code <ErrorResponse>}. Lists are {@code <member>} elements unless flattened, maps
 * {@code <entry><key/><value/></entry>}, timestamps ISO-8601. Written straight into a StringBuilder:
 * the output shapes are simple and this is the hot path of every IAM and STS call.
 */
final class QueryXml {
  private QueryXml() {}

  static byte[] response(String operation, String resultWrapper, Shape output, JsonNode result, String namespace, String requestId) {
    StringBuilder sb = new StringBuilder(256);
    sb.append('<').append(operation).append("Response xmlns=\"").append(namespace).append("\">");
    if (output != null) {
      String wrapper = resultWrapper != null ? resultWrapper : operation + "Result";
      sb.append('<').append(wrapper).append('>');
      if (result != null) members(sb, output, result);
      sb.append("</").append(wrapper).append('>');
    }
    sb.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
    sb.append("</").append(operation).append("Response>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] error(String namespace, boolean sender, String code, String message, Map<String, JsonNode> extra, String requestId) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("<ErrorResponse");
    if (namespace != null) sb.append(" xmlns=\"").append(namespace).append('"');
    sb.append("><Error><Type>").append(sender ? "Sender" : "Receiver").append("</Type><Code>");
    escape(sb, code);
    sb.append("</Code><Message>");
    escape(sb, message == null ? "" : message);
    sb.append("</Message>");
    extra.forEach((name, value) -> {
      if (value == null || value.isNull() || value.isContainerNode()) return;
      sb.append('<').append(name).append('>');
      escape(sb, value.asText());
      sb.append("</").append(name).append('>');
    });
    sb.append("</Error><RequestId>").append(requestId).append("</RequestId></ErrorResponse>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void members(StringBuilder sb, Shape shape, JsonNode node) {
    for (Member m : shape.members.values()) {
      JsonNode v = node.get(m.name());
      if (v == null || v.isNull()) continue;
      value(sb, m.wireName(), m.shape(), v, m.flattened() || m.shape().flattened);
    }
  }

  private static void value(StringBuilder sb, String element, Shape shape, JsonNode v, boolean flattened) {
    switch (shape.type) {
      case LIST -> {
        Member item = shape.listMember;
        if (flattened) {
          for (JsonNode n : v) value(sb, element, item.shape(), n, false);
        } else {
          String itemName = item.locationName() != null ? item.locationName() : "member";
          sb.append('<').append(element).append('>');
          for (JsonNode n : v) value(sb, itemName, item.shape(), n, false);
          sb.append("</").append(element).append('>');
        }
      }
      case MAP -> {
        String keyName = shape.mapKey.locationName() != null ? shape.mapKey.locationName() : "key";
        String valueName = shape.mapValue.locationName() != null ? shape.mapValue.locationName() : "value";
        if (!flattened) sb.append('<').append(element).append('>');
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
          var e = it.next();
          sb.append(flattened ? "<" + element + ">" : "<entry>");
          sb.append('<').append(keyName).append('>');
          escape(sb, e.getKey());
          sb.append("</").append(keyName).append('>');
          value(sb, valueName, shape.mapValue.shape(), e.getValue(), false);
          sb.append(flattened ? "</" + element + ">" : "</entry>");
        }
        if (!flattened) sb.append("</").append(element).append('>');
      }
      case STRUCTURE -> {
        sb.append('<').append(element).append('>');
        members(sb, shape, v);
        sb.append("</").append(element).append('>');
      }
      case TIMESTAMP -> {
        Instant t = Timestamps.fromNode(v);
        sb.append('<').append(element).append('>').append(t == null ? "" : Timestamps.iso(t)).append("</").append(element).append('>');
      }
      default -> {
        sb.append('<').append(element).append('>');
        escape(sb, v.isTextual() ? v.textValue() : v.isValueNode() ? v.asText() : v.toString());
        sb.append("</").append(element).append('>');
      }
    }
  }

  /**
   * Escapes markup and carriage returns; characters XML 1.0 cannot carry become U+FFFD. Runs of
   * characters that need nothing (nearly all of a response) are copied in one append: STS and IAM
   * responses are mostly ids, ARNs and base64 tokens, and a per-character append showed in profiles.
   */
  static void escape(StringBuilder sb, String s) {
    int n = s.length();
    int run = 0; // start of the pending run of characters copied as they are
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c <= 0x7E && c != '<' && c != '>' && c != '&' && c != '"') continue; // the common case
      if (c == '\n' || c == '\t') continue;
      if (c > 0x7E && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a well-formed pair stays in the run
        continue;
      }
      sb.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\r' -> sb.append("&#xD;");
        default -> sb.append('\uFFFD'); // other controls, U+FFFE/U+FFFF, lone surrogates
      }
    }
    sb.append(s, run, n);
  }
}

package io.gatehouse.server.sts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * How much of the packed space for session policies and tags a request takes, as AssumeRole's
 * PackedPolicySize reports it: the inline policy without insignificant whitespace, the managed
 * policy ARNs and the tags, compressed, against a fixed allotment.
 */
final class PackedSize {
  /** Compressed bytes that make 100%. */
  static final int ALLOTTED_BYTES = 1024;

  private PackedSize() {}

  static int percent(String inlinePolicy, List<String> policyArns, Map<String, String> tags) {
    StringBuilder plain = new StringBuilder();
    if (inlinePolicy != null) plain.append(withoutWhitespace(inlinePolicy));
    for (String arn : policyArns) plain.append('\n').append(arn);
    tags.forEach((k, v) -> plain.append('\n').append(k).append('=').append(v));
    int compressed = compressedLength(plain.toString().getBytes(StandardCharsets.UTF_8));
    return (int) Math.ceil(compressed * 100.0 / ALLOTTED_BYTES);
  }

  /** Drops whitespace outside JSON strings. */
  private static String withoutWhitespace(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < json.length()) out.append(json.charAt(++i));
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int compressedLength(byte[] plain) {
    if (plain.length == 0) return 0;
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(plain);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[512];
      while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
      return out.size();
    } finally {
      deflater.end();
    }
  }
}

package io.gatehouse.server.awsprotocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} and query-string decoding: bad percent escapes
 * and invalid UTF-8 are errors (the JDK's URLDecoder would silently substitute characters).
 */
final class FormCodec {
  private FormCodec() {}

  /** Parses {@code a=1&b=2} into decoded names and values, every value of a repeated name in order. */
  static Map<String, List<String>> parse(String encoded) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) return out;
    int from = 0;
    int len = encoded.length();
    while (from <= len) {
      int amp = encoded.indexOf('&', from);
      int end = amp < 0 ? len : amp;
      if (end > from) {
        int eq = encoded.indexOf('=', from);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = percentDecode(encoded.substring(from, end), true);
          value = "";
        } else {
          name = percentDecode(encoded.substring(from, eq), true);
          value = percentDecode(encoded.substring(eq + 1, end), true);
        }
        out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      if (amp < 0) break;
      from = amp + 1;
    }
    return out;
  }

  /** Decodes the raw bytes of a form body as ASCII (percent-encoding carries everything else). */
  static String bodyText(byte[] body) {
    for (byte b : body) {
      if (b < 0) throw new ProtocolFailure(ProtocolFailure.Kind.MALFORMED_REQUEST, "The form body contains bytes that are not percent-encoded");
    }
    return new String(body, StandardCharsets.ISO_8859_1);
  }

  static String percentDecode(String s, boolean plusAsSpace) {
    int firstSpecial = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' || (plusAsSpace && c == '+') || c > 0x7f) {
        firstSpecial = i;
        break;
      }
    }
    if (firstSpecial < 0) return s;
    byte[] bytes = new byte[s.length() * 3];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) throw malformed();
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) throw malformed();
        bytes[n++] = (byte) ((hi << 4) | lo);
        i += 2;
      } else if (plusAsSpace && c == '+') {
        bytes[n++] = ' ';
      } else if (c > 0x7f) {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) bytes[n++] = b;
      } else {
        bytes[n++] = (byte) c;
      }
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, n));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolFailure(ProtocolFailure.Kind.MALFORMED_REQUEST, "The request contains percent-encoded bytes that are not valid UTF-8");
    }
  }

  private static ProtocolFailure malformed() {
    return new ProtocolFailure(ProtocolFailure.Kind.MALFORMED_REQUEST, "The request contains an invalid percent-encoding");
  }
}

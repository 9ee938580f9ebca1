package io.gatehouse.server.portal;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The fields of an HTML form (application/x-www-form-urlencoded) or of a query string; the first value of each wins. */
record WebForm(Map<String, String> fields) {
  static final WebForm EMPTY = new WebForm(Map.of());

  /** Empty when the text is not valid UTF-8 or not valid percent-encoding. */
  static Optional<WebForm> parse(byte[] body) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
      return parse(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static Optional<WebForm> parse(String encoded) {
    Map<String, String> fields = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) return Optional.of(EMPTY);
    try {
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new WebForm(Map.copyOf(fields)));
  }

  String get(String name) {
    return fields.getOrDefault(name, "");
  }
}

package io.gatehouse.server.awsprotocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a captured raw HTTP request ({@code src/test/resources/wire/*.http}) into an {@link HttpRequestData}. */
final class WireCapture {
  private WireCapture() {}

  static HttpRequestData load(String resource) {
    byte[] raw;
    try (InputStream in = WireCapture.class.getResourceAsStream("/wire/" + resource)) {
      if (in == null) throw new IllegalArgumentException("no capture " + resource);
      raw = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head = new String(raw, 0, split, StandardCharsets.ISO_8859_1);
    byte[] body = Arrays.copyOfRange(raw, split + 4, raw.length);
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    String target = requestLine[1];
    int q = target.indexOf('?');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    return new HttpRequestData(requestLine[0], q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1), headers, body, "127.0.0.1");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    throw new IllegalArgumentException("no end of headers");
  }
}

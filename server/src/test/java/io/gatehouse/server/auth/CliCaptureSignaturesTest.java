package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.awsprotocol.HttpRequestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AWS CLI's own signed requests, captured byte for byte (v2.9.19 and v1.45.11, see
 * {@code src/test/resources/wire/README.md}): each verifies with the documented secret at its
 * signing time, and fails with any other secret.
 */
class CliCaptureSignaturesTest {
  private static final String EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  /** The temporary credentials the capture's dummy GetRoleCredentials handed out. */
  private static final String SESSION_SECRET = "s";

  static Stream<Path> signedCaptures() {
    try (Stream<Path> files = Files.walk(Path.of(CliCaptureSignaturesTest.class.getResource("/wire").toURI()))) {
      return files.filter(p -> p.toString().endsWith(".http"))
          .filter(p -> parse(p).header("authorization") != null)
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theCapturesIncludeEveryProtocolFamily() {
    List<String> services = signedCaptures().map(p -> SigV4Verifier.credentialScope(parse(p)).orElseThrow().service()).toList();
    assertThat(services).contains("iam", "sts", "identitystore", "organizations", "sso");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedCaptures")
  void verifiesWithTheDocumentedSecretAtItsSigningTime(Path capture) {
    HttpRequestData request = parse(capture);
    SignedRequest claimed = new SigV4Verifier(Clock.fixed(java.time.Instant.EPOCH, ZoneOffset.UTC)).parse(request);
    SigV4Verifier verifier = new SigV4Verifier(Clock.fixed(claimed.time(), ZoneOffset.UTC));
    String secret = claimed.accessKeyId().startsWith("ASIA") ? SESSION_SECRET : EXAMPLE_SECRET;
    String service = claimed.scope().service();

    assertThatCode(() -> verifier.verify(request, verifier.parse(request), service, secret)).doesNotThrowAnyException();
    assertThatThrownBy(() -> verifier.verify(request, verifier.parse(request), service, secret + "x"))
        .isInstanceOf(AuthenticationException.class);
  }

  /** Raw HTTP/1.1 as captured: CRLF line ends, {@code Name: value} headers, then the body. */
  static HttpRequestData parse(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head = new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.UTF_8);
    byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(raw, split + 4, raw.length);
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    String target = requestLine[1];
    int q = target.indexOf('?');
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1));
    }
    return new HttpRequestData(requestLine[0], q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1),
        headers, body, "127.0.0.1");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}

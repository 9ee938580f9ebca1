package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.core.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends, authentication ends in a caller or an {@link AuthenticationException}
 * (which the protocol layer turns into AWS's error), never in any other exception.
 */
class SigV4FuzzTest {
  private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
  private static final SigningCredential KNOWN = new SigningCredential("AKIDEXAMPLE",
      "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Caller.root("123456789012", "AKIDEXAMPLE"));
  private final Authenticator authenticator = new SigV4Authenticator(
      new SigV4Verifier(Clock.fixed(NOW, ZoneOffset.UTC)),
      List.of((key, token) -> key.equals(KNOWN.accessKeyId()) ? KNOWN : null));

  @Property(tries = 2000)
  void anyRequestIsEitherAuthenticatedOrRefusedWithAnAuthenticationError(
      @ForAll("methods") String method,
      @ForAll("fragments") String path,
      @ForAll("fragments") String query,
      @ForAll("authorizations") String authorization,
      @ForAll("dates") String date,
      @ForAll("fragments") String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("example.amazonaws.com"));
    if (!authorization.isEmpty()) headers.put("authorization", List.of(authorization));
    if (!date.isEmpty()) headers.put(date.contains(",") ? "date" : "x-amz-date", List.of(date));
    HttpRequestData request = new HttpRequestData(method, "/" + path, query, headers,
        body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");

    try {
      Caller caller = authenticator.authenticate(request, "service");
      assertThat(caller).isEqualTo(KNOWN.caller());
    } catch (AuthenticationException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(expected.kind()).isNotNull();
    }
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "POST", "PUT", "");
  }

  /** Text mixing the characters that matter to SigV4 parsing with arbitrary Unicode. */
  @Provide
  Arbitrary<String> fragments() {
    Arbitrary<String> structured = Arbitraries.strings()
        .withChars("aZ09=&%/;,.-_~+ X-Amz-SignatureCredentialAlgorithmDateExpires\t")
        .ofMaxLength(60);
    Arbitrary<String> presigned = Combinators.combine(
            Arbitraries.of("", "X-Amz-Algorithm=AWS4-HMAC-SHA256&", "X-Amz-Algorithm=AWS4-HMAC-SHA512&"),
            Arbitraries.of("", "X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&",
                "X-Amz-Credential=AKIDEXAMPLE%2F2015&", "X-Amz-Credential=%&"),
            Arbitraries.of("", "X-Amz-Date=20150830T123600Z&", "X-Amz-Date=2015&", "X-Amz-Date=99999999T999999Z&"),
            Arbitraries.of("", "X-Amz-Expires=60&", "X-Amz-Expires=-5&", "X-Amz-Expires=99999999999999999999&"),
            Arbitraries.of("", "X-Amz-SignedHeaders=host&", "X-Amz-SignedHeaders=&", "X-Amz-SignedHeaders=%3B%3B&"),
            Arbitraries.of("", "X-Amz-Signature=00", "X-Amz-Signature=", "X-Amz-Security-Token=t"))
        .as((a, b, c, d, e, f) -> a + b + c + d + e + f);
    return Arbitraries.oneOf(structured, presigned, Arbitraries.strings().ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> authorizations() {
    Arbitrary<String> credential = Arbitraries.of("AKIDEXAMPLE/20150830/us-east-1/service/aws4_request",
        "AKIDEXAMPLE/20150830/us-east-1/other/aws4_request", "UNKNOWN/20150830/x/service/aws4_request",
        "AKIDEXAMPLE/20150830//service/aws4_request", "AKIDEXAMPLE/2015", "", "/////", "AKIDEXAMPLE/20150830/r/service/x");
    Arbitrary<String> signedHeaders = Arbitraries.of("host;x-amz-date", "host", "", ";;", "x-amz-date", "HOST;Date");
    Arbitrary<String> signature = Arbitraries.strings().withChars("0123456789abcdefZ").ofMaxLength(70);
    Arbitrary<String> separator = Arbitraries.of(", ", ",", " , ", " ");
    Arbitrary<String> wellFormed = Combinators.combine(Arbitraries.of("AWS4-HMAC-SHA256 ", "AWS4-X ", "Basic ", ""),
            credential, separator, signedHeaders, separator, signature)
        .as((alg, c, s1, h, s2, sig) -> alg + "Credential=" + c + s1 + "SignedHeaders=" + h + s2 + "Signature=" + sig);
    return Arbitraries.oneOf(wellFormed, Arbitraries.strings().ofMaxLength(80), Arbitraries.just(""));
  }

  @Provide
  Arbitrary<String> dates() {
    return Arbitraries.oneOf(
        Arbitraries.of("20150830T123600Z", "20150830T124600Z", "20150830T120000Z", "20150231T123600Z",
            "Sun, 30 Aug 2015 12:36:00 GMT", "Sun, 30 Aug 2015 99:36:00 GMT", "", "T", "2015-08-30T12:36:00Z"),
        Arbitraries.strings().withChars("0123456789TZ").ofLength(16));
  }
}

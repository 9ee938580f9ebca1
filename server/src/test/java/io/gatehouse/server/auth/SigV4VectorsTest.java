package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.auth.SigV4TestCase.Form;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 38 cases of AWS's SigV4 suite, in both forms, with a clock fixed at each case's time: the
 * verifier must reproduce every canonical request, string to sign and signature, accept every
 * signed request, and reject it after any signed part changes.
 */
class SigV4VectorsTest {

  static Stream<Arguments> cases() {
    return SigV4TestCase.all().flatMap(c -> Stream.of(Arguments.of(c, Form.HEADER), Arguments.of(c, Form.QUERY)));
  }

  @Test
  void theSuiteHasAll38Cases() {
    assertThat(SigV4TestCase.all().count()).isEqualTo(38);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void reproducesCanonicalRequestStringToSignAndSignature(SigV4TestCase c, Form form) {
    HttpRequestData request = c.signedRequest(form);
    SigV4Verifier verifier = verifierAt(c, Duration.ZERO);
    SignedRequest signed = verifier.parse(request);

    String payloadHash = Digests.sha256Hex(request.body());
    boolean tokenAddedAfterSigning = form == Form.QUERY && c.name().equals("post-sts-header-after");
    SigV4Verifier.Computation computed = verifier.compute(request, signed, c.secretAccessKey(), c.normalize(),
        payloadHash, tokenAddedAfterSigning ? SigV4Verifier.SECURITY_TOKEN_PARAMETER : null);

    assertThat(computed.canonicalRequest()).isEqualTo(c.file(form, "canonical-request.txt"));
    assertThat(computed.stringToSign()).isEqualTo(c.file(form, "string-to-sign.txt"));
    assertThat(computed.signature()).isEqualTo(c.file(form, "signature.txt").strip());
    assertThat(signed.accessKeyId()).isEqualTo(c.accessKeyId());
    assertThat(signed.scope().region()).isEqualTo(c.region());
    assertThat(signed.time()).isEqualTo(c.timestamp());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void acceptsTheSignedRequestAtItsTimeAndWithinTheAllowedSkew(SigV4TestCase c, Form form) {
    HttpRequestData request = c.signedRequest(form);
    for (Duration offset : List.of(Duration.ZERO, Duration.ofMinutes(-15), Duration.ofMinutes(14))) {
      assertThatCode(() -> verify(c, form, request, offset)).as("clock offset %s", offset).doesNotThrowAnyException();
    }
    if (c.token() != null && !c.name().equals("post-sts-header-after")) {
      assertThat(verifierAt(c, Duration.ZERO).parse(request).securityToken()).isEqualTo(c.token());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void rejectsTheSignedRequestAfterAnySignedPartChanges(SigV4TestCase c, Form form) {
    HttpRequestData original = c.signedRequest(form);
    SignedRequest signed = verifierAt(c, Duration.ZERO).parse(original);
    Map<String, UnaryOperator<HttpRequestData>> tamperings = new LinkedHashMap<>();
    for (String header : signed.signedHeaders) {
      tamperings.put("header " + header, r -> withHeader(r, header, first(r, header) + "x"));
    }
    tamperings.put("body", r -> new HttpRequestData(r.method(), r.rawPath(), r.rawQuery(), r.headers(),
        (new String(r.body(), StandardCharsets.UTF_8) + "x").getBytes(StandardCharsets.UTF_8), r.sourceIp()));
    tamperings.put("path", r -> new HttpRequestData(r.method(), r.rawPath() + "x", r.rawQuery(), r.headers(), r.body(), r.sourceIp()));
    tamperings.put("method", r -> new HttpRequestData(r.method().equals("GET") ? "POST" : "GET", r.rawPath(), r.rawQuery(),
        r.headers(), r.body(), r.sourceIp()));
    tamperings.put("added query parameter", r -> new HttpRequestData(r.method(), r.rawPath(),
        r.rawQuery().isEmpty() ? "Extra=1" : r.rawQuery() + "&Extra=1", r.headers(), r.body(), r.sourceIp()));
    tamperings.put("signature", r -> form == Form.HEADER
        ? withHeader(r, "authorization", flipLastHexDigit(first(r, "authorization")))
        : new HttpRequestData(r.method(), r.rawPath(), flipLastHexDigit(r.rawQuery()), r.headers(), r.body(), r.sourceIp()));
    if (form == Form.QUERY) {
      tamperings.put("X-Amz-Date", r -> new HttpRequestData(r.method(), r.rawPath(),
          r.rawQuery().replace("X-Amz-Date=20150830T123600Z", "X-Amz-Date=20150830T123601Z"), r.headers(), r.body(), r.sourceIp()));
      tamperings.put("X-Amz-Expires", r -> new HttpRequestData(r.method(), r.rawPath(),
          r.rawQuery().replace("X-Amz-Expires=3600", "X-Amz-Expires=3601"), r.headers(), r.body(), r.sourceIp()));
      tamperings.put("X-Amz-Credential region", r -> new HttpRequestData(r.method(), r.rawPath(),
          r.rawQuery().replace("%2Fus-east-1%2F", "%2Fus-west-2%2F"), r.headers(), r.body(), r.sourceIp()));
    } else {
      tamperings.put("credential region", r -> withHeader(r, "authorization",
          first(r, "authorization").replace("/us-east-1/", "/us-west-2/")));
    }

    tamperings.forEach((what, tamper) -> {
      HttpRequestData tampered = tamper.apply(original);
      assertThatThrownBy(() -> verify(c, form, tampered, Duration.ZERO))
          .as("tampered %s", what)
          .isInstanceOfSatisfying(AuthenticationException.class,
              e -> assertThat(e.kind()).isIn(Kind.SIGNATURE_MISMATCH, Kind.INCOMPLETE_SIGNATURE));
    });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void rejectsTheSignedRequestOutsideItsTimeWindow(SigV4TestCase c, Form form) {
    HttpRequestData request = c.signedRequest(form);
    assertThatThrownBy(() -> verify(c, form, request, Duration.ofMinutes(-16)))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH))
        .hasMessage("Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z "
            + "(20150830T122000Z + 15 min.)");
    if (form == Form.HEADER) {
      assertThatThrownBy(() -> verify(c, form, request, Duration.ofMinutes(16)))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH))
          .hasMessage("Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z "
              + "(20150830T125200Z - 15 min.)");
    } else {
      assertThatCode(() -> verify(c, form, request, Duration.ofSeconds(3600))).doesNotThrowAnyException();
      assertThatThrownBy(() -> verify(c, form, request, Duration.ofSeconds(3601)))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.EXPIRED_TOKEN))
          .hasMessage("Request has expired");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void rejectsAScopeForAnotherService(SigV4TestCase c, Form form) {
    HttpRequestData request = c.signedRequest(form);
    SigV4Verifier verifier = verifierAt(c, Duration.ZERO);
    assertThatThrownBy(() -> verifier.verify(request, verifier.parse(request), "sts", c.secretAccessKey(), c.normalize()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH))
        .hasMessage("Credential should be scoped to correct service: 'sts'.");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void rejectsAnotherSecret(SigV4TestCase c, Form form) {
    HttpRequestData request = c.signedRequest(form);
    SigV4Verifier verifier = verifierAt(c, Duration.ZERO);
    assertThatThrownBy(() -> verifier.verify(request, verifier.parse(request), c.service(),
        c.secretAccessKey().replace('w', 'W'), c.normalize()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH))
        .hasMessageContaining("The request signature we calculated does not match the signature you provided")
        .hasMessageContaining(c.file(form, "canonical-request.txt").lines().findFirst().orElseThrow());
  }

  private static void verify(SigV4TestCase c, Form form, HttpRequestData request, Duration clockOffset) {
    SigV4Verifier verifier = verifierAt(c, clockOffset);
    verifier.verify(request, verifier.parse(request), c.service(), c.secretAccessKey(), c.normalize());
  }

  private static SigV4Verifier verifierAt(SigV4TestCase c, Duration offset) {
    return new SigV4Verifier(Clock.fixed(c.timestamp().plus(offset), ZoneOffset.UTC));
  }

  private static String first(HttpRequestData r, String header) {
    List<String> values = r.headers().get(header);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static HttpRequestData withHeader(HttpRequestData r, String name, String firstValue) {
    Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
    List<String> values = new ArrayList<>(headers.getOrDefault(name, List.of()));
    if (values.isEmpty()) values.add(firstValue); else values.set(0, firstValue);
    headers.put(name, values);
    return new HttpRequestData(r.method(), r.rawPath(), r.rawQuery(), headers, r.body(), r.sourceIp());
  }

  private static String flipLastHexDigit(String s) {
    int i = s.length() - 1;
    char c = s.charAt(i);
    return s.substring(0, i) + (c == '0' ? '1' : '0');
  }
}

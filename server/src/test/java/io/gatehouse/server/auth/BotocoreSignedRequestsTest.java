package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests signed by botocore (the signer of the AWS CLI and boto3), recorded by
 * {@code src/test/resources/sigv4-botocore/generate.py}: JSON, query and rest-json services, a
 * session token, a presigned URL and a path that needs double encoding.
 */
class BotocoreSignedRequestsTest {
  static Stream<SigV4TestCase> cases() {
    return SigV4TestCase.all("/sigv4-botocore");
  }

  @Test
  void allRecordedCasesArePresent() {
    assertThat(cases().count()).isEqualTo(6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isAcceptedAtItsTime(SigV4TestCase c) {
    HttpRequestData request = c.request();
    SigV4Verifier verifier = new SigV4Verifier(Clock.fixed(c.timestamp(), ZoneOffset.UTC));

    SignedRequest signed = verifier.parse(request);
    assertThat(signed.accessKeyId()).isEqualTo(c.accessKeyId());
    assertThat(signed.securityToken()).isEqualTo(c.token());
    assertThat(signed.scope().region()).isEqualTo(c.region());
    assertThatCode(() -> verifier.verify(request, signed, c.service(), c.secretAccessKey())).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedWhenItsBodyPathOrQueryChanges(SigV4TestCase c) {
    HttpRequestData r = c.request();
    SigV4Verifier verifier = new SigV4Verifier(Clock.fixed(c.timestamp(), ZoneOffset.UTC));
    HttpRequestData[] tampered = {
        new HttpRequestData(r.method(), r.rawPath(), r.rawQuery(), r.headers(),
            (new String(r.body(), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8), r.sourceIp()),
        new HttpRequestData(r.method(), r.rawPath() + "x", r.rawQuery(), r.headers(), r.body(), r.sourceIp()),
        new HttpRequestData(r.method(), r.rawPath(), r.rawQuery().isEmpty() ? "a=b" : r.rawQuery() + "&a=b",
            r.headers(), r.body(), r.sourceIp()),
    };
    for (HttpRequestData request : tampered) {
      assertThatThrownBy(() -> verifier.verify(request, verifier.parse(request), c.service(), c.secretAccessKey()))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH));
    }
  }
}

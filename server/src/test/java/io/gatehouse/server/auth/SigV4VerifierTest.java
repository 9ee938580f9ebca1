package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Parsing and checking rules beyond the AWS suite: malformed input, scope, time, payload, canonical forms. */
class SigV4VerifierTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");
  private static final String CREDENTIAL = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
  private final SigV4Verifier verifier = new SigV4Verifier(Clock.fixed(TIME, ZoneOffset.UTC));

  @Test
  void anUnsignedRequestIsMissingAuthentication() {
    assertRejected(() -> verifier.parse(request("", Map.of())), Kind.MISSING_AUTHENTICATION, "Missing Authentication Token");
  }

  @Test
  void anAuthorizationHeaderWithoutItsPartsListsWhatIsMissing() {
    String header = "AWS4-HMAC-SHA256 ";
    assertRejected(() -> verifier.parse(request("", Map.of("authorization", header))), Kind.INCOMPLETE_SIGNATURE,
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of "
            + "either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256");
    assertRejected(() -> verifier.parse(request("", Map.of("authorization", "Basic dXNlcjpwYXNz", "x-amz-date", "20150830T123600Z"))),
        Kind.INCOMPLETE_SIGNATURE,
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. Authorization=Basic dXNlcjpwYXNz");
  }

  @Test
  void malformedAuthorizationHeadersAreIncomplete() {
    assertRejected(() -> parseHeader("AWS4-HMAC-SHA512 Credential=" + CREDENTIAL + ", SignedHeaders=host, Signature=00", "20150830T123600Z"),
        Kind.INCOMPLETE_SIGNATURE, "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'");
    assertRejected(() -> parseHeader(authorization(CREDENTIAL, "host;x-amz-date"), "2015-08-30T12:36:00Z"),
        Kind.INCOMPLETE_SIGNATURE,
        "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601");
    assertRejected(() -> parseHeader(authorization(CREDENTIAL, "host;x-amz-date"), "20150230T123600Z"),
        Kind.INCOMPLETE_SIGNATURE,
        "Date must be in ISO-8601 'basic format'. Got '20150230T123600Z'. See http://en.wikipedia.org/wiki/ISO_8601");
    assertRejected(() -> parseHeader(authorization("AKIDEXAMPLE/20150830/us-east-1/service", "host;x-amz-date"), "20150830T123600Z"),
        Kind.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited elements, e.g. "
            + "keyid/date/region/service/term, got 'AKIDEXAMPLE/20150830/us-east-1/service'");
    assertRejected(() -> parseHeader(authorization(CREDENTIAL, "x-amz-date"), "20150830T123600Z"),
        Kind.INCOMPLETE_SIGNATURE, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  void headerAndQueryAuthenticationTogetherAreRefused() {
    Map<String, List<String>> headers = Map.of("host", List.of("example.amazonaws.com"),
        "x-amz-date", List.of("20150830T123600Z"), "authorization", List.of(authorization(CREDENTIAL, "host;x-amz-date")));
    HttpRequestData both = new HttpRequestData("GET", "/", "X-Amz-Algorithm=AWS4-HMAC-SHA256", headers, new byte[0], "127.0.0.1");
    assertRejected(() -> verifier.parse(both), Kind.INCOMPLETE_SIGNATURE,
        "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter "
            + "or the Authorization header should be specified");
  }

  @Test
  void presignedQueriesNeedAllTheirParametersAndAnExpiryUnderAWeek() {
    assertRejected(() -> verifier.parse(request("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL.replace("/", "%2F"),
            Map.of("host", "example.amazonaws.com"))),
        Kind.INCOMPLETE_SIGNATURE, "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters "
            + "must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. "
            + "Re-examine the query-string parameters.");
    assertRejected(() -> verifier.parse(presigned("604801")), Kind.INCOMPLETE_SIGNATURE,
        "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds");
    assertRejected(() -> verifier.parse(presigned("-1")), Kind.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be non-negative");
    assertRejected(() -> verifier.parse(presigned("soon")), Kind.INCOMPLETE_SIGNATURE, "X-Amz-Expires should be a number");
    assertThat(verifier.parse(presigned("604800")).expiresSeconds()).isEqualTo(604800);
  }

  @Test
  void theScopeMustMatchTheRequestDateAndEndWithAws4Request() {
    HttpRequestData otherDay = headerSigned("AKIDEXAMPLE/20150829/us-east-1/service/aws4_request");
    assertRejected(() -> verifier.verify(otherDay, verifier.parse(otherDay), "service", SECRET), Kind.SIGNATURE_MISMATCH,
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150829' != "
            + "'20150830', from '20150830T123600Z'.");
    HttpRequestData badTerminator = headerSigned("AKIDEXAMPLE/20150830/us-east-1/service/aws5_request");
    assertRejected(() -> verifier.verify(badTerminator, verifier.parse(badTerminator), "service", SECRET), Kind.SIGNATURE_MISMATCH,
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.");
  }

  @Test
  void aContentSha256HeaderMustMatchTheBody() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", "example.amazonaws.com");
    headers.put("x-amz-date", "20150830T123600Z");
    headers.put("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
    headers.put("authorization", authorization(CREDENTIAL, "host;x-amz-content-sha256;x-amz-date"));
    HttpRequestData request = request("", headers);
    assertRejected(() -> verifier.verify(request, verifier.parse(request), "service", SECRET), Kind.SIGNATURE_MISMATCH,
        "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  @Test
  void anHttpDateHeaderStandsInForXAmzDate() throws Exception {
    String canonical = "GET\n/\n\ndate:Sun, 30 Aug 2015 12:36:00 GMT\nhost:example.amazonaws.com\n\ndate;host\n"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    String signature = independentSignature(canonical, "20150830T123600Z", "20150830/us-east-1/service/aws4_request");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", "example.amazonaws.com");
    headers.put("date", "Sun, 30 Aug 2015 12:36:00 GMT");
    headers.put("authorization", "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=date;host,Signature=" + signature);
    HttpRequestData request = request("", headers);

    SignedRequest signed = verifier.parse(request);
    assertThat(signed.timestamp()).isEqualTo("20150830T123600Z");
    assertThatCode(() -> verifier.verify(request, signed, "service", SECRET)).doesNotThrowAnyException();
  }

  @Test
  void credentialScopeIsReadWithoutVerifying() {
    assertThat(SigV4Verifier.credentialScope(headerSigned(CREDENTIAL)))
        .contains(new CredentialScope("20150830", "us-east-1", "service", "aws4_request"));
    assertThat(SigV4Verifier.credentialScope(presigned("60")))
        .contains(new CredentialScope("20150830", "us-east-1", "service", "aws4_request"));
    assertThat(SigV4Verifier.credentialScope(request("", Map.of()))).isEmpty();
    assertThat(SigV4Verifier.credentialScope(request("", Map.of("authorization", "AWS4-HMAC-SHA256 Credential=x/y")))).isEmpty();
  }

  @Test
  void canonicalUrisAreNormalizedAndEncodedTwiceExceptForS3() {
    assertThat(CanonicalRequest.uri("/a%20b/", true)).isEqualTo("/a%2520b/");
    assertThat(CanonicalRequest.uri("/a/./b/../c", true)).isEqualTo("/a/c");
    assertThat(CanonicalRequest.uri("/a/b/..", true)).isEqualTo("/a");
    assertThat(CanonicalRequest.uri("/a/b/../", true)).isEqualTo("/a/");
    assertThat(CanonicalRequest.uri("/../..", true)).isEqualTo("/");
    assertThat(CanonicalRequest.uri("", true)).isEqualTo("/");
    assertThat(CanonicalRequest.uri("/ሴ/:@", true)).isEqualTo("/%E1%88%B4/%3A%40");
    assertThat(CanonicalRequest.uri("/a%20b//c", false)).isEqualTo("/a%20b//c");
    assertThat(CanonicalRequest.uri("/a b", false)).isEqualTo("/a%20b");
  }

  @Test
  void canonicalQueriesAreReencodedAndSortedByNameThenValue() {
    List<CanonicalRequest.Parameter> query = CanonicalRequest.parseQuery("b=2&a=1&a=0&c&%7e=x+y&s=%2f&bad=%zz&=skipped&&");
    String canonical = CanonicalRequest.build("GET", "/", query, null, Map.of(), List.of(), "", "h");
    assertThat(canonical.split("\n")[2]).isEqualTo("a=0&a=1&b=2&bad=%25zz&c=&s=%2F&~=x%20y");
    assertThat(CanonicalRequest.parameter(query, "s")).isEqualTo("/");
    assertThat(CanonicalRequest.parameter(query, "~")).isEqualTo("x y");
  }

  // ---- helpers

  private static void assertRejected(ThrowingCallable call, Kind kind, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessage(message);
  }

  private SignedRequest parseHeader(String authorization, String date) {
    return verifier.parse(request("", Map.of("host", "example.amazonaws.com", "x-amz-date", date, "authorization", authorization)));
  }

  private static String authorization(String credential, String signedHeaders) {
    return "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders + ", Signature="
        + "0".repeat(64);
  }

  private static HttpRequestData headerSigned(String credential) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", "example.amazonaws.com");
    headers.put("x-amz-date", "20150830T123600Z");
    headers.put("authorization", authorization(credential, "host;x-amz-date"));
    return request("", headers);
  }

  private static HttpRequestData presigned(String expires) {
    return request("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL.replace("/", "%2F")
        + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=" + expires + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "0".repeat(64),
        Map.of("host", "example.amazonaws.com"));
  }

  private static HttpRequestData request(String query, Map<String, String> headers) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    return new HttpRequestData("GET", "/", query, multi, new byte[0], "127.0.0.1");
  }

  /** SigV4 from its definition, with the JDK's primitives only, to check the verifier independently. */
  private static String independentSignature(String canonicalRequest, String timestamp, String scope) throws Exception {
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    String stringToSign = "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + hash;
    byte[] key = ("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8);
    for (String part : scope.split("/")) key = hmac(key, part);
    return HexFormat.of().formatHex(hmac(key, stringToSign));
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}

package io.gatehouse.server.auth;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AWS Signature Version 4 (AWS4-HMAC-SHA256), the pure part: parse what a request claims, then check
 * the scope, the time and the signature against a secret. Both forms: the {@code Authorization}
 * header and the presigned query ({@code X-Amz-Algorithm}, {@code X-Amz-Credential}, ...).
 *
 * <p>Any region is accepted; the scope's service must be the expected signing name. Header-signed
 * requests may be 15 minutes early or late; presigned ones are good from 15 minutes before their
 * {@code X-Amz-Date} until {@code X-Amz-Expires} seconds after it. The body is always hashed (no
 * unsigned payloads outside S3), and a sent {@code X-Amz-Content-Sha256} must equal that hash.
 * Messages follow AWS's wording so that clients and people recognise them.
 */
public final class SigV4Verifier {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final Duration MAX_SKEW = Duration.ofMinutes(15);
  static final long MAX_EXPIRES_SECONDS = 604_800;
  static final String SECURITY_TOKEN_PARAMETER = "X-Amz-Security-Token";
  private static final String SIGNATURE_PARAMETER = "X-Amz-Signature";
  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final SigningKeys signingKeys = new SigningKeys();

  public SigV4Verifier(Clock clock) {
    this.clock = clock;
  }

  /** The intermediate steps of a signature computation, for error messages and tests. */
  record Computation(String canonicalRequest, String stringToSign, String signature) {}

  // ---------------------------------------------------------------- parse

  /**
   * Reads the signature's claims from the request without checking them.
   *
   * @throws AuthenticationException {@code MISSING_AUTHENTICATION} when neither form is present,
   *     {@code INCOMPLETE_SIGNATURE} when one is present but malformed
   */
  public SignedRequest parse(HttpRequestData request) {
    List<CanonicalRequest.Parameter> query = CanonicalRequest.parseQuery(request.rawQuery());
    String authorization = header(request, "authorization");
    boolean presigned = CanonicalRequest.hasParameter(query, "X-Amz-Algorithm")
        || CanonicalRequest.hasParameter(query, SIGNATURE_PARAMETER)
        || CanonicalRequest.hasParameter(query, "X-Amz-Credential");
    if (authorization != null && presigned) {
      throw incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
          + "Signature query string parameter or the Authorization header should be specified");
    }
    if (authorization != null) return parseHeader(request, authorization, query);
    if (presigned) return parseQuery(query);
    throw new AuthenticationException(Kind.MISSING_AUTHENTICATION, "Missing Authentication Token");
  }

  private SignedRequest parseHeader(HttpRequestData request, String authorization, List<CanonicalRequest.Parameter> query) {
    String value = authorization.strip();
    int space = 0;
    while (space < value.length() && !Character.isWhitespace(value.charAt(space))) space++;
    String algorithm = value.substring(0, space);
    if (!ALGORITHM.equals(algorithm) && algorithm.startsWith("AWS4-")) {
      throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'");
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    if (ALGORITHM.equals(algorithm)) {
      int start = space;
      while (start < value.length()) {
        int end = value.indexOf(',', start);
        if (end < 0) end = value.length();
        int eq = value.indexOf('=', start);
        if (eq > 0 && eq < end) {
          String key = value.substring(start, eq).strip();
          String v = value.substring(eq + 1, end).strip();
          switch (key) {
            case "Credential" -> credential = v;
            case "SignedHeaders" -> signedHeaders = v;
            case "Signature" -> signature = v;
            default -> { /* AWS ignores unknown components */ }
          }
        }
        start = end + 1;
      }
    }
    String amzDate = header(request, "x-amz-date");
    String date = amzDate != null ? amzDate : header(request, "date");
    StringBuilder missing = new StringBuilder();
    if (isBlank(credential)) missing.append("Authorization header requires 'Credential' parameter. ");
    if (isBlank(signature)) missing.append("Authorization header requires 'Signature' parameter. ");
    if (isBlank(signedHeaders)) missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    if (isBlank(date)) missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    if (!missing.isEmpty()) throw incomplete(missing.append("Authorization=").append(authorization).toString());

    Instant time = amzDate != null ? parseBasic(amzDate) : parseHttpDate(date);
    String timestamp = amzDate != null ? amzDate : BASIC.format(time);
    String token = header(request, "x-amz-security-token");
    return build(SignedRequest.Form.HEADER, credential, signedHeaders, signature, timestamp, time,
        isBlank(token) ? null : token, -1, query);
  }

  private SignedRequest parseQuery(List<CanonicalRequest.Parameter> query) {
    String algorithm = CanonicalRequest.parameter(query, "X-Amz-Algorithm");
    String credential = CanonicalRequest.parameter(query, "X-Amz-Credential");
    String signature = CanonicalRequest.parameter(query, SIGNATURE_PARAMETER);
    String signedHeaders = CanonicalRequest.parameter(query, "X-Amz-SignedHeaders");
    String date = CanonicalRequest.parameter(query, "X-Amz-Date");
    StringBuilder missing = new StringBuilder();
    if (isBlank(algorithm)) missing.append("AWS query-string parameters must include 'X-Amz-Algorithm'. ");
    if (isBlank(credential)) missing.append("AWS query-string parameters must include 'X-Amz-Credential'. ");
    if (isBlank(signature)) missing.append("AWS query-string parameters must include 'X-Amz-Signature'. ");
    if (isBlank(signedHeaders)) missing.append("AWS query-string parameters must include 'X-Amz-SignedHeaders'. ");
    if (isBlank(date)) missing.append("AWS query-string parameters must include 'X-Amz-Date'. ");
    if (!missing.isEmpty()) throw incomplete(missing.append("Re-examine the query-string parameters.").toString());
    if (!ALGORITHM.equals(algorithm)) throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'");

    long expires = -1;
    String expiresText = CanonicalRequest.parameter(query, "X-Amz-Expires");
    if (expiresText != null) {
      try {
        expires = Long.parseLong(expiresText);
      } catch (NumberFormatException e) {
        throw incomplete("X-Amz-Expires should be a number");
      }
      if (expires < 0) throw incomplete("X-Amz-Expires must be non-negative");
      if (expires > MAX_EXPIRES_SECONDS) {
        throw incomplete("X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires "
            + "must be less than 604800 seconds");
      }
    }
    String token = CanonicalRequest.parameter(query, SECURITY_TOKEN_PARAMETER);
    return build(SignedRequest.Form.QUERY, credential, signedHeaders, signature, date, parseBasic(date),
        isBlank(token) ? null : token, expires, query);
  }

  private static SignedRequest build(SignedRequest.Form form, String credential, String signedHeadersLine,
      String signature, String timestamp, Instant time, String token, long expires,
      List<CanonicalRequest.Parameter> query) {
    String[] parts = credential.split("/", -1);
    if (parts.length != 5 || parts[0].isEmpty()) {
      throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
          + credential + "'");
    }
    CredentialScope scope = new CredentialScope(parts[1], parts[2], parts[3], parts[4]);
    List<String> signedHeaders = new ArrayList<>(8);
    int start = 0;
    while (start <= signedHeadersLine.length()) {
      int end = signedHeadersLine.indexOf(';', start);
      if (end < 0) end = signedHeadersLine.length();
      if (end > start) signedHeaders.add(signedHeadersLine.substring(start, end).toLowerCase(Locale.ROOT));
      start = end + 1;
    }
    if (!signedHeaders.contains("host")) {
      throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    return new SignedRequest(form, parts[0], scope, timestamp, time, token, signedHeadersLine,
        List.copyOf(signedHeaders), signature, expires, query);
  }

  // ---------------------------------------------------------------- verify

  /**
   * Checks the scope, the time and the signature of {@code signed} with {@code secretAccessKey}.
   *
   * @param signingName the service's SigV4 signing name; the scope must name it
   * @throws AuthenticationException {@code SIGNATURE_MISMATCH} for a wrong scope, a time outside
   *     the window or a wrong signature; {@code EXPIRED_TOKEN} for a presigned URL past its expiry
   */
  public void verify(HttpRequestData request, SignedRequest signed, String signingName, String secretAccessKey) {
    verify(request, signed, signingName, secretAccessKey, !"s3".equals(signingName));
  }

  void verify(HttpRequestData request, SignedRequest signed, String signingName, String secretAccessKey,
      boolean normalizePath) {
    checkScope(signed, signingName);
    checkTime(signed);
    String payloadHash = payloadHash(request);
    Computation computed = compute(request, signed, secretAccessKey, normalizePath, payloadHash, null);
    if (matches(computed.signature(), signed.signature)) return;
    // Some signers (IoT-style) add the session token to a presigned URL after signing it: the token
    // is still bound to its key by the credential resolver, so a signature over the rest is enough.
    if (signed.form() == SignedRequest.Form.QUERY && signed.securityToken() != null) {
      Computation without = compute(request, signed, secretAccessKey, normalizePath, payloadHash, SECURITY_TOKEN_PARAMETER);
      if (matches(without.signature(), signed.signature)) return;
    }
    throw new AuthenticationException(Kind.SIGNATURE_MISMATCH,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
            + "Access Key and signing method. Consult the service documentation for details.\n\n"
            + "The Canonical String for this request should have been\n'" + computed.canonicalRequest() + "'\n\n"
            + "The String-to-Sign should have been\n'" + computed.stringToSign() + "'\n");
  }

  /** Computes the signature the request should carry; package-private for the test vectors. */
  Computation compute(HttpRequestData request, SignedRequest signed, String secretAccessKey, boolean normalizePath,
      String payloadHash, String extraExcludedParameter) {
    List<CanonicalRequest.Parameter> query = signed.query;
    String excluded = null;
    if (signed.form() == SignedRequest.Form.QUERY) {
      excluded = SIGNATURE_PARAMETER;
      if (extraExcludedParameter != null) {
        query = new ArrayList<>(query);
        query.removeIf(p -> p.name().equals(extraExcludedParameter));
      }
    }
    String canonical = CanonicalRequest.build(request.method(), CanonicalRequest.uri(request.rawPath(), normalizePath),
        query, excluded, request.headers(), signed.signedHeaders, signed.signedHeadersLine, payloadHash);
    String stringToSign = ALGORITHM + '\n' + signed.timestamp() + '\n' + signed.scope() + '\n'
        + Digests.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    byte[] signature = Digests.hmac(signingKeys.signingKey(secretAccessKey, signed.scope()),
        stringToSign.getBytes(StandardCharsets.UTF_8));
    return new Computation(canonical, stringToSign, Digests.hex(signature));
  }

  private static void checkScope(SignedRequest signed, String signingName) {
    CredentialScope scope = signed.scope();
    StringBuilder errors = new StringBuilder();
    if (scope.region().isEmpty()) errors.append("Credential should be scoped to a valid region, not ''. ");
    if (!scope.service().equals(signingName)) {
      errors.append("Credential should be scoped to correct service: '").append(signingName).append("'. ");
    }
    if (!CredentialScope.TERMINATOR.equals(scope.terminator())) {
      errors.append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
          .append(scope.terminator()).append("'. ");
    }
    if (!signed.timestamp().startsWith(scope.date()) || scope.date().length() != 8) {
      errors.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
          .append(scope.date()).append("' != '").append(signed.timestamp(), 0, 8).append("', from '")
          .append(signed.timestamp()).append("'.");
    }
    if (!errors.isEmpty()) throw new AuthenticationException(Kind.SIGNATURE_MISMATCH, errors.toString().strip());
  }

  private void checkTime(SignedRequest signed) {
    Instant now = clock.instant();
    Instant time = signed.time();
    Instant latest = now.plus(MAX_SKEW);
    if (time.isAfter(latest)) {
      throw new AuthenticationException(Kind.SIGNATURE_MISMATCH, "Signature not yet current: " + signed.timestamp()
          + " is still later than " + BASIC.format(latest) + " (" + BASIC.format(now) + " + 15 min.)");
    }
    if (signed.form() == SignedRequest.Form.QUERY && signed.expiresSeconds() >= 0) {
      if (now.isAfter(time.plusSeconds(signed.expiresSeconds()))) {
        throw new AuthenticationException(Kind.EXPIRED_TOKEN, "Request has expired");
      }
      return;
    }
    Instant earliest = now.minus(MAX_SKEW);
    if (time.isBefore(earliest)) {
      throw new AuthenticationException(Kind.SIGNATURE_MISMATCH, "Signature expired: " + signed.timestamp()
          + " is now earlier than " + BASIC.format(earliest) + " (" + BASIC.format(now) + " - 15 min.)");
    }
  }

  /** SHA-256 of the body; a sent {@code X-Amz-Content-Sha256} must agree with it. */
  private static String payloadHash(HttpRequestData request) {
    String hash = Digests.sha256Hex(request.body());
    String claimed = header(request, "x-amz-content-sha256");
    if (claimed != null && !claimed.equalsIgnoreCase(hash)) {
      throw new AuthenticationException(Kind.SIGNATURE_MISMATCH,
          "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    return claimed != null ? claimed : hash;
  }

  private static boolean matches(String expectedHex, String provided) {
    return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
        provided.getBytes(StandardCharsets.US_ASCII));
  }

  // ---------------------------------------------------------------- scope lookup for routing

  /**
   * The credential scope a request claims, without verifying anything: lets the protocol layer
   * learn the region and signing name before authentication. Empty when unsigned or malformed.
   */
  public static Optional<CredentialScope> credentialScope(HttpRequestData request) {
    String credential = null;
    String authorization = request.header("authorization");
    if (authorization != null) {
      int at = authorization.indexOf("Credential=");
      if (at >= 0) {
        int end = authorization.indexOf(',', at);
        credential = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end).strip();
      }
    } else if (request.rawQuery() != null && request.rawQuery().contains("X-Amz-Credential=")) {
      credential = CanonicalRequest.parameter(CanonicalRequest.parseQuery(request.rawQuery()), "X-Amz-Credential");
    }
    if (credential == null) return Optional.empty();
    String[] parts = credential.split("/", -1);
    if (parts.length != 5) return Optional.empty();
    return Optional.of(new CredentialScope(parts[1], parts[2], parts[3], parts[4]));
  }

  // ---------------------------------------------------------------- dates

  /** {@code yyyyMMddTHHmmssZ}, parsed by hand: this runs on every request. */
  static Instant parseBasic(String s) {
    if (s.length() == 16 && s.charAt(8) == 'T' && s.charAt(15) == 'Z') {
      int year = digits(s, 0, 4);
      int month = digits(s, 4, 6);
      int day = digits(s, 6, 8);
      int hour = digits(s, 9, 11);
      int minute = digits(s, 11, 13);
      int second = digits(s, 13, 15);
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
        try {
          return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException invalid) {
          // falls through to the error below
        }
      }
    }
    throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + s + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  private static Instant parseHttpDate(String s) {
    try {
      return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(s.strip()));
    } catch (DateTimeException notRfc1123) {
      return parseBasic(s.strip());
    }
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** A header's first value without surrounding whitespace (HTTP's optional whitespace), or null. */
  private static String header(HttpRequestData request, String name) {
    String value = request.header(name);
    return value == null ? null : value.strip();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static AuthenticationException incomplete(String message) {
    return new AuthenticationException(Kind.INCOMPLETE_SIGNATURE, message);
  }
}

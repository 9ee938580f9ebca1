package io.gatehouse.server.auth;

import io.gatehouse.server.awsprotocol.HttpRequestData;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests with the AWS SDK for Java v2's own SigV4 signer (an implementation independent of
 * ours) and hands them over as the HTTP server would.
 */
final class SdkSigner {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private SdkSigner() {}

  /** What to sign: the request as the client builds it, before signing. */
  record Unsigned(String method, String encodedPath, Map<String, List<String>> queryParameters,
      Map<String, List<String>> headers, byte[] body) {
    static Unsigned post(String contentType, byte[] body) {
      return new Unsigned("POST", "/", Map.of(), Map.of("Content-Type", List.of(contentType)), body);
    }
  }

  static HttpRequestData sign(Unsigned request, String accessKeyId, String secret, String sessionToken,
      String region, String service, Clock clock, Duration presignedFor) {
    SdkHttpRequest.Builder http = SdkHttpRequest.builder()
        .method(SdkHttpMethod.fromValue(request.method()))
        .protocol("http")
        .host("127.0.0.1")
        .port(8080)
        .encodedPath(request.encodedPath());
    request.queryParameters().forEach(http::putRawQueryParameter);
    request.headers().forEach(http::putHeader);
    AwsCredentialsIdentity identity = sessionToken == null
        ? AwsCredentialsIdentity.create(accessKeyId, secret)
        : AwsSessionCredentialsIdentity.create(accessKeyId, secret, sessionToken);
    SdkHttpRequest signed = SIGNER.sign(r -> {
      r.identity(identity)
          .request(http.build())
          .payload(ContentStreamProvider.fromInputStreamSupplier(() -> new ByteArrayInputStream(request.body())))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, region)
          .putProperty(HttpSigner.SIGNING_CLOCK, clock);
      if (presignedFor != null) {
        r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
            .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, presignedFor);
      }
    }).request();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signed.headers().forEach((name, values) ->
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
    String rawQuery = signed.getUri().getRawQuery();
    return new HttpRequestData(signed.method().name(), signed.getUri().getRawPath(), rawQuery == null ? "" : rawQuery,
        headers, request.body(), "127.0.0.1");
  }
}

package io.gatehouse.bench.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs calls with the AWS SDK's own SigV4 signer and sends them with the JDK's HTTP client.
 * Every call is signed afresh (its own X-Amz-Date), as a real client does, so the server verifies
 * a new signature each time. Loopback only: the driver is a benchmark, not a load tool for others.
 */
final class SignedClient {

  private final HttpClient http;
  private final URI root;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsIdentity credentials;
  private final String region;

  SignedClient(URI endpoint, String accessKeyId, String secretAccessKey, String region) {
    requireLoopback(endpoint);
    this.root = endpoint.resolve("/");
    this.credentials = AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
    this.region = region;
    // HTTP/1.1 explicitly: over plain http the JDK would otherwise try an h2c upgrade.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .executor(Runnable::run)
        .build();
  }

  Reply send(SignedCall call) throws IOException, InterruptedException {
    AwsCredentialsIdentity signer = credentials;
    if (call instanceof SignedCall.As as) {
      SignedCall.Credentials c = as.credentials();
      signer = c.sessionToken() == null
          ? AwsCredentialsIdentity.create(c.accessKeyId(), c.secretAccessKey())
          : AwsSessionCredentialsIdentity.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
      call = as.call();
    }
    return send(call, signer);
  }

  private Reply send(SignedCall call, AwsCredentialsIdentity identity) throws IOException, InterruptedException {
    SdkHttpRequest unsigned = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(root)
        .putHeader("Content-Type", call.contentType())
        .applyMutation(b -> {
          if (call instanceof SignedCall.Json json) {
            b.putHeader("X-Amz-Target", json.target());
          }
        })
        .build();
    SignedRequest signed = signer.sign(r -> r
        .identity(identity)
        .request(unsigned)
        .payload(ContentStreamProvider.fromByteArrayUnsafe(call.body()))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, call.signingName())
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));

    HttpRequest.Builder request = HttpRequest.newBuilder(root)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      // The JDK sets Host itself (same value the signer signed: host:port) and forbids setting it.
      if (!header.getKey().equalsIgnoreCase("Host")) {
        header.getValue().forEach(v -> request.header(header.getKey(), v));
      }
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  private static void requireLoopback(URI endpoint) {
    if (!"http".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be http://<loopback>:<port>, got " + endpoint);
    }
    try {
      if (!InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()) {
        throw new IllegalArgumentException("endpoint must be on loopback, got " + endpoint.getHost());
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown endpoint host " + endpoint.getHost(), e);
    }
  }
}

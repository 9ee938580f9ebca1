package io.gatehouse.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A small client of Gatehouse's own admin service (JSON 1.1, target prefix
 * {@code GatehouseAdmin_20261123}, SigV4 signing name {@code gatehouse}), signed by the AWS SDK's
 * own SigV4 signer and sent by its Apache HTTP client — what any SDK generated from the model does.
 */
public final class GatehouseAdminClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final URI endpoint;
  private final AwsCredentialsIdentity identity;
  private final SdkHttpClient http = ApacheHttpClient.builder().build();

  public GatehouseAdminClient(URI endpoint, AwsCredentials credentials) {
    this.endpoint = endpoint;
    this.identity = credentials instanceof AwsSessionCredentials session
        ? AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())
        : AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey());
  }

  /** An error answer, in the service's error shape. */
  public static final class ServiceError extends RuntimeException {
    public final int status;
    public final String code;

    ServiceError(int status, String code, String message) {
      super(code + " (" + status + "): " + message);
      this.status = status;
      this.code = code;
    }
  }

  /** Calls {@code operation} with {@code input} (a Map or JsonNode with the model's member names); returns the output. */
  public JsonNode call(String operation, Object input) {
    try {
      byte[] body = JSON.writeValueAsBytes(input);
      SdkHttpRequest request = SdkHttpRequest.builder()
          .method(SdkHttpMethod.POST)
          .uri(endpoint)
          .encodedPath("/")
          .putHeader("Content-Type", "application/x-amz-json-1.1")
          .putHeader("X-Amz-Target", "GatehouseAdmin_20261123." + operation)
          .build();
      SdkHttpRequest signed = SIGNER.sign(r -> r.identity(identity)
          .request(request)
          .payload(ContentStreamProvider.fromByteArray(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "gatehouse")
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
      HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
          .request(signed.toBuilder().putHeader("Content-Length", Integer.toString(body.length)).build())
          .contentStreamProvider(() -> new ByteArrayInputStream(body))
          .build()).call();
      byte[] out;
      try (InputStream in = response.responseBody().orElseThrow()) {
        out = in.readAllBytes();
      }
      JsonNode tree = out.length == 0 ? JSON.createObjectNode() : JSON.readTree(out);
      int status = response.httpResponse().statusCode();
      if (status >= 300) {
        String type = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(tree.path("__type").asText());
        String code = type.contains("#") ? type.substring(type.indexOf('#') + 1) : type;
        if (code.contains(":")) code = code.substring(0, code.indexOf(':'));
        throw new ServiceError(status, code, tree.path("message").asText(tree.path("Message").asText()));
      }
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}

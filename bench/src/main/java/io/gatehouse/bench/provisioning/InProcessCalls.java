package io.gatehouse.bench.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.awsprotocol.AwsEndpoint;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.awsprotocol.HttpResponseData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * AWS JSON 1.1 calls straight into an {@link AwsEndpoint}, without HTTP or signatures (the
 * endpoint's authenticator trusts every request): the full decode, validate, bind, invoke and
 * encode path, so setup and the API mode of the benchmark go through what a server runs.
 */
final class InProcessCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> TARGET_PREFIX = Map.of(
      "identitystore", "AWSIdentityStore", "sso-admin", "SWBExternalService", "organizations", "AWSOrganizationsV20161128");

  private final AwsEndpoint endpoint;

  InProcessCalls(AwsEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Calls the operation; throws on any answer but 200. */
  JsonNode call(String service, String operation, Map<String, ?> input) {
    try {
      byte[] body = JSON.writeValueAsBytes(input);
      HttpResponseData response = endpoint.handle(new HttpRequestData("POST", "/", "", Map.of(
          "x-amz-target", List.of(TARGET_PREFIX.get(service) + "." + operation),
          "content-type", List.of("application/x-amz-json-1.1"),
          "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/"
              + signingName(service) + "/aws4_request, SignedHeaders=host, Signature=0")), body, "127.0.0.1"));
      String text = response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
      if (response.status() != 200) {
        throw new IllegalStateException(service + " " + operation + " answered " + response.status() + ": " + text);
      }
      return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String signingName(String service) {
    return service.equals("sso-admin") ? "sso" : service;
  }
}

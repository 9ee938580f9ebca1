package io.gatehouse.server.awsprotocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds raw requests for the protocol tests. */
final class Requests {
  private Requests() {}

  static final String SCOPE = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/eu-west-1/%s/aws4_request, SignedHeaders=host, Signature=00";

  static HttpRequestData json(String target, String signingName, String body) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("x-amz-target", List.of(target));
    h.put("content-type", List.of("application/x-amz-json-1.1"));
    h.put("authorization", List.of(SCOPE.formatted(signingName)));
    return new HttpRequestData("POST", "/", "", h, body.getBytes(StandardCharsets.UTF_8), "10.0.0.1");
  }

  static HttpRequestData form(String signingName, String body) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
    if (signingName != null) h.put("authorization", List.of(SCOPE.formatted(signingName)));
    return new HttpRequestData("POST", "/", "", h, body.getBytes(StandardCharsets.UTF_8), "10.0.0.1");
  }

  static HttpRequestData with(HttpRequestData r, String header, String value) {
    Map<String, List<String>> h = new LinkedHashMap<>(r.headers());
    if (value == null) h.remove(header);
    else h.put(header, List.of(value));
    return new HttpRequestData(r.method(), r.rawPath(), r.rawQuery(), h, r.body(), r.sourceIp());
  }

  static HttpRequestData withBody(HttpRequestData r, byte[] body) {
    return new HttpRequestData(r.method(), r.rawPath(), r.rawQuery(), r.headers(), body, r.sourceIp());
  }

  static String text(HttpResponseData r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }
}

package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operation of every model reaches the endpoint's dispatch: with none registered, each answers the protocol's unknown-operation error. */
class RoutabilityTest {
  final FakeAuthenticator auth = new FakeAuthenticator();
  final AwsEndpoint endpoint = new AwsEndpoint(List.of(), auth, Clock.systemUTC(), 1 << 20);

  @Test
  void everyOperationOfEveryModelIsRoutable() {
    int checked = 0;
    for (ServiceModel service : ServiceModels.standard().all()) {
      for (OperationModel op : service.operations().values()) {
        HttpResponseData r = endpoint.handle(requestFor(service, op));
        String body = new String(r.body(), StandardCharsets.UTF_8);
        String what = service.name() + " " + op.name() + ": " + body;
        switch (service.protocol()) {
          case JSON -> {
            assertThat(r.status()).as(what).isEqualTo(400);
            assertThat(r.headers().get("x-amzn-ErrorType")).as(what).isEqualTo("UnknownOperationException");
            assertThat(body).as(what).contains("The operation " + op.name() + " is not supported by this server");
          }
          case QUERY -> {
            assertThat(r.status()).as(what).isEqualTo(400);
            assertThat(body).as(what).contains("<Code>InvalidAction</Code>", "The operation " + op.name() + " is not supported", service.xmlNamespace());
          }
          case REST_JSON -> {
            assertThat(r.status()).as(what).isEqualTo(404);
            assertThat(r.headers().get("x-amzn-ErrorType")).as(what).isEqualTo("UnknownOperationException");
            assertThat(body).as(what).contains("The operation " + op.name() + " is not supported by this server");
          }
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(19 + 79 + 63 + 176 + 11 + 4 + 4 + 5 + 4); // + gatehouse (assignment rules, sign-in administration)
  }

  static HttpRequestData requestFor(ServiceModel service, OperationModel op) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    return switch (service.protocol()) {
      case JSON -> {
        headers.put("x-amz-target", List.of(service.targetPrefix() + "." + op.name()));
        headers.put("content-type", List.of("application/x-amz-json-1.1"));
        yield new HttpRequestData("POST", "/", "", headers, "{}".getBytes(StandardCharsets.UTF_8), "::1");
      }
      case QUERY -> {
        headers.put("content-type", List.of("application/x-www-form-urlencoded"));
        String form = "Action=" + op.name() + "&Version=" + service.apiVersion();
        yield new HttpRequestData("POST", "/", "", headers, form.getBytes(StandardCharsets.UTF_8), "::1");
      }
      case REST_JSON -> {
        String uri = op.uri().toString().replaceAll("\\{[^}]+}", "x");
        int q = uri.indexOf('?');
        yield new HttpRequestData(op.httpMethod(), q < 0 ? uri : uri.substring(0, q), q < 0 ? "" : uri.substring(q + 1), headers, new byte[0], "::1");
      }
    };
  }
}

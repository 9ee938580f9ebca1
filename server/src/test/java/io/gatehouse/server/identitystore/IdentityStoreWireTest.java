package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.auth.Authenticator;
import io.gatehouse.server.awsprotocol.AwsEndpoint;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.awsprotocol.HttpResponseData;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the wire scenario of {@code identitystore/wire-scenario.json} through the real protocol
 * layer ({@link AwsEndpoint}: routing, model validation, binding, encoding, error shapes), with an
 * authenticator that accepts every request as the account root.
 */
class IdentityStoreWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theScenarioGetsTheExpectedStatusAndBodyAtEveryStep() throws IOException {
    JsonNode scenario;
    try (InputStream in = getClass().getResourceAsStream("/identitystore/wire-scenario.json")) {
      scenario = JSON.readTree(in);
    }
    try (Database db = TestDatabases.h2()) {
      IdentityStoreFeature feature = new IdentityStoreFeature(db, Clock.systemUTC());
      Map<String, String> saved = new HashMap<>();
      saved.put("store", feature.bootstrap());
      Authenticator root = (request, signingName) -> Caller.root("123456789012", "AKIAEXAMPLE");
      AwsEndpoint endpoint = new AwsEndpoint(List.of(feature.api()), root, Clock.systemUTC(), 1 << 20);
      int n = 0;
      for (JsonNode step : scenario.path("steps")) {
        n++;
        String op = step.path("operation").asText();
        String body = substitute(step.path("body").toString(), saved);
        HttpResponseData response = endpoint.handle(new HttpRequestData("POST", "/", "", Map.of(
            "x-amz-target", List.of("AWSIdentityStore." + op),
            "content-type", List.of("application/x-amz-json-1.1")), body.getBytes(StandardCharsets.UTF_8), "127.0.0.1"));
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String where = "step " + n + " " + op + " -> " + response.status() + " " + text;
        assertThat(response.status()).as(where).isEqualTo(step.path("status").asInt());
        JsonNode actual = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        if (actual.has("__type")) {
          // the wire may qualify the code (namespace#Code); clients keep what follows '#'
          String type = actual.get("__type").asText();
          ((com.fasterxml.jackson.databind.node.ObjectNode) actual).put("__type", type.substring(type.indexOf('#') + 1));
        }
        JsonNode expected = JSON.readTree(substitute(step.path("expect").toString(), saved));
        assertSubset(expected, actual, where, "");
        for (Iterator<Map.Entry<String, JsonNode>> it = step.path("save").fields(); it.hasNext(); ) {
          var e = it.next();
          saved.put(e.getKey(), actual.path(e.getValue().asText()).asText());
        }
      }
      assertThat(n).isEqualTo(scenario.path("steps").size()).isGreaterThan(20);
    }
  }

  private static String substitute(String text, Map<String, String> saved) {
    for (var e : saved.entrySet()) text = text.replace("${" + e.getKey() + "}", e.getValue());
    return text;
  }

  private static void assertSubset(JsonNode expected, JsonNode actual, String where, String path) {
    if (expected.isTextual() && expected.asText().equals("*")) {
      assertThat(actual.isMissingNode() || actual.isNull()).as(where + ": " + path + " present").isFalse();
    } else if (expected.isTextual() && expected.asText().equals("<absent>")) {
      assertThat(actual.isMissingNode()).as(where + ": " + path + " absent").isTrue();
    } else if (expected.isObject()) {
      assertThat(actual.isObject()).as(where + ": " + path + " is an object").isTrue();
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        var e = it.next();
        assertSubset(e.getValue(), actual.path(e.getKey()), where, path + "." + e.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray() && actual.size() == expected.size()).as(where + ": " + path + " has "
          + expected.size() + " items").isTrue();
      for (int i = 0; i < expected.size(); i++) assertSubset(expected.get(i), actual.get(i), where, path + "[" + i + "]");
    } else {
      assertThat(actual).as(where + ": " + path).isEqualTo(expected);
    }
  }
}

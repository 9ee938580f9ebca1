package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Client garbage never gets a 5xx, always gets the protocol's error shape, and never sees a Java
 * class name or stack trace — for all seven services, with every model operation registered.
 */
class EndpointFuzzTest {
  record Name(String givenName, String familyName) {}

  record Email(String value, String type, Boolean primary) {}

  record CreateUserInput(String identityStoreId, String userName, Name name, List<Email> emails) {}

  record Tag(String key, String value) {}

  record CreateRoleInput(String roleName, String assumeRolePolicyDocument, Integer maxSessionDuration, List<Tag> tags) {}

  static final ServiceModels MODELS = ServiceModels.standard();
  static final List<ServiceModel> SERVICES = new ArrayList<>();
  static final List<String> MEMBER_NAMES = new ArrayList<>();
  static final ObjectMapper JSON = new ObjectMapper();

  static {
    MODELS.all().forEach(SERVICES::add);
    for (ServiceModel s : SERVICES) {
      for (OperationModel op : s.operations().values()) {
        if (op.input() != null) MEMBER_NAMES.addAll(op.input().members.keySet());
      }
    }
  }

  static final AwsEndpoint ENDPOINT = new AwsEndpoint(everyOperation(), new FakeAuthenticator(), Clock.systemUTC(), 4096);

  static List<ServiceApi> everyOperation() {
    List<ServiceApi> apis = new ArrayList<>();
    for (ServiceModel s : SERVICES) {
      apis.add(new ServiceApi() {
        @Override
        public String service() {
          return s.name();
        }

        @Override
        public void register(OperationRegistry r) {
          for (String op : s.operations().keySet()) {
            if (s.name().equals("identitystore") && op.equals("CreateUser")) {
              r.add(op, CreateUserInput.class, (ctx, in) -> Map.of("IdentityStoreId", in.identityStoreId(), "UserId", "u"));
            } else if (s.name().equals("iam") && op.equals("CreateRole")) {
              r.add(op, CreateRoleInput.class, (ctx, in) -> null);
            } else {
              r.add(op, JsonNode.class, (ctx, in) -> null);
            }
          }
        }
      });
    }
    return apis;
  }

  @Property(tries = 1000)
  void garbageNeverBreaksTheEndpoint(@ForAll("requests") HttpRequestData request) {
    check(request, ENDPOINT.handle(request));
  }

  @Property(tries = 1000)
  void plausibleInputsNeverBreakTheEndpoint(@ForAll("plausible") HttpRequestData request) {
    check(request, ENDPOINT.handle(request));
  }

  static final List<HttpRequestData> CAPTURES = List.of(
      "identitystore-CreateUser.http", "sso-admin-CreatePermissionSet.http", "organizations-CreateAccount.http", "iam-CreateRole.http",
      "sts-AssumeRole.http", "sts-GetCallerIdentity.http", "sso-ListAccounts.http", "sso-oidc-RegisterClient.http",
      "sso-login/03-sso-oidc-CreateToken.http", "sso-login/04-sso-GetRoleCredentials.http").stream().map(WireCapture::load).toList();

  @Property(tries = 1000)
  void mutatedClientRequestsNeverBreakTheEndpoint(@ForAll("mutations") HttpRequestData request) {
    check(request, ENDPOINT.handle(request));
  }

  @Provide
  Arbitrary<HttpRequestData> mutations() {
    Arbitrary<int[]> flips = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofMinSize(1).ofMaxSize(6);
    return Combinators.combine(Arbitraries.of(CAPTURES), flips, Arbitraries.bytes().array(byte[].class).ofMinSize(6).ofMaxSize(6),
        Arbitraries.of("", "content-type", "x-amz-target", "authorization", "x-amz-sso_bearer_token"))
        .as((capture, positions, values, dropped) -> {
          byte[] body = capture.body().clone();
          String query = capture.rawQuery();
          for (int i = 0; i < positions.length; i++) {
            if (body.length > 0) body[positions[i] % body.length] = values[i];
            else if (!query.isEmpty()) {
              char[] q = query.toCharArray();
              q[positions[i] % q.length] = (char) (values[i] & 0x7f);
              query = new String(q);
            }
          }
          Map<String, List<String>> headers = new LinkedHashMap<>(capture.headers());
          headers.remove(dropped);
          return new HttpRequestData(capture.method(), capture.rawPath(), query, headers, body, capture.sourceIp());
        });
  }

  static void check(HttpRequestData request, HttpResponseData r) {
    String body = new String(r.body(), StandardCharsets.UTF_8);
    String what = request.method() + " " + request.rawPath() + "?" + request.rawQuery() + " " + request.headers() + " "
        + new String(request.body(), StandardCharsets.UTF_8) + " -> " + r.status() + " " + body;
    assertThat(r.status()).as(what).isLessThan(500);
    assertThat(r.headers().get("x-amzn-RequestId")).as(what).matches("[0-9a-f-]{36}");
    assertThat(body).as(what).doesNotContain("java.", "javax.", "com.fasterxml", "io.gatehouse", "\tat ", "Exception:", "NullPointer");
    if (r.status() >= 400) {
      String contentType = r.headers().get("Content-Type");
      if (contentType.equals("text/xml")) {
        assertThat(body).as(what).startsWith("<ErrorResponse xmlns=\"https://").contains("<Type>Sender</Type><Code>", "</Message></Error><RequestId>");
      } else {
        assertThat(r.headers().get("x-amzn-ErrorType")).as(what).isNotBlank();
        JsonNode json;
        try {
          json = JSON.readTree(body);
        } catch (Exception e) {
          throw new AssertionError("error body is not JSON: " + what);
        }
        assertThat(json.isObject()).as(what).isTrue();
        if (contentType.equals("application/x-amz-json-1.1")) assertThat(json.get("__type").asText()).as(what).isEqualTo(r.headers().get("x-amzn-ErrorType"));
      }
    }
  }

  @Provide
  Arbitrary<HttpRequestData> requests() {
    Arbitrary<String> method = Arbitraries.of("POST", "GET", "PUT", "DELETE", "PATCH");
    Arbitrary<String> path = Arbitraries.oneOf(
        Arbitraries.of("/", "", "/token", "/client/register", "/device_authorization", "/federation/credentials", "/assignment/roles",
            "/assignment/accounts", "/logout", "/token/", "//", "/%zz"),
        Arbitraries.strings().ofMaxLength(30).map(s -> "/" + s));
    Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""), formish(), Arbitraries.strings().ofMaxLength(40));
    Arbitrary<Map<String, List<String>>> headers = Combinators.combine(targets(), contentTypes(), authorizations(), Arbitraries.strings().ofMaxLength(20))
        .as((target, ct, authz, bearer) -> {
          Map<String, List<String>> h = new LinkedHashMap<>();
          if (target != null) h.put("x-amz-target", List.of(target));
          if (ct != null) h.put("content-type", List.of(ct));
          if (authz != null) h.put("authorization", List.of(authz));
          if (!bearer.isEmpty()) h.put("x-amz-sso_bearer_token", List.of(bearer));
          return h;
        });
    return Combinators.combine(method, path, query, headers, bodies())
        .as((m, p, q, h, b) -> new HttpRequestData(m, p, q, h, b, "127.0.0.1"));
  }

  @Provide
  Arbitrary<HttpRequestData> plausible() {
    return Arbitraries.of(SERVICES).flatMap(service -> Arbitraries.of(List.copyOf(service.operations().values())).flatMap(op ->
        switch (service.protocol()) {
          case JSON -> jsonFor(op.input(), 3).map(json -> Requests.json(service.targetPrefix() + "." + op.name(), service.signingName(), json));
          case QUERY -> formFor(op.input()).map(form -> Requests.form(service.signingName(), "Action=" + op.name() + "&Version=" + service.apiVersion() + form));
          case REST_JSON -> Combinators.combine(jsonFor(op.input(), 3), formish()).as((json, q) -> {
            String uri = op.uri().toString();
            int at = uri.indexOf('?');
            return new HttpRequestData(op.httpMethod(), at < 0 ? uri : uri.substring(0, at), q,
                Map.of("content-type", List.of("application/json"), "x-amz-sso_bearer_token", List.of("t")),
                json.getBytes(StandardCharsets.UTF_8), "::1");
          });
        }));
  }

  /** JSON objects with the shape's member names and values of random (often wrong) types. */
  static Arbitrary<String> jsonFor(Shape shape, int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(s -> JSON.valueToTree(s).toString()),
        Arbitraries.of("0", "-1", "1e400", "99999999999999999999", "3.5", "true", "null", "\"d-1234567890\"", "\"2026-01-01T00:00:00Z\"",
            "\"123456789012\"", "\"\"", "[]", "{}", "[null]", "\"\\ud800\""));
    if (shape == null || shape.members.isEmpty() || depth == 0) return scalar.map(s -> "{\"x\":" + s + "}");
    List<Member> members = List.copyOf(shape.members.values());
    Arbitrary<String> entry = Arbitraries.of(members).flatMap(m -> {
      Arbitrary<String> value = switch (m.shape().type) {
        case STRUCTURE -> Arbitraries.oneOf(jsonFor(m.shape(), depth - 1), scalar);
        case LIST -> Arbitraries.oneOf(
            (m.shape().listMember.shape().type == Shape.Type.STRUCTURE ? jsonFor(m.shape().listMember.shape(), depth - 1) : scalar)
                .list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"),
            scalar);
        default -> scalar;
      };
      return value.map(v -> JSON.valueToTree(m.name()).toString() + ":" + v);
    });
    return entry.list().ofMaxSize(6).map(entries -> "{" + String.join(",", entries) + "}");
  }

  /** Query parameters named after the shape's members, as scalars, lists, maps and nested structures. */
  static Arbitrary<String> formFor(Shape shape) {
    if (shape == null || shape.members.isEmpty()) return formish().map(s -> "&" + s);
    List<Member> members = List.copyOf(shape.members.values());
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(10).map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8)),
        Arbitraries.of("1", "0", "-5", "true", "x", "%zz", "%C3%28", "2026-01-01T00:00:00Z", ""));
    Arbitrary<String> suffix = Arbitraries.of("", ".member.1", ".member.2", ".1", ".entry.1.key", ".entry.1.value", ".member.1.Key", ".member.1.Value", ".Arn");
    Arbitrary<String> param = Combinators.combine(Arbitraries.of(members), suffix, value).as((m, s, v) -> "&" + m.name() + s + "=" + v);
    return param.list().ofMaxSize(8).map(ps -> String.join("", ps));
  }

  static Arbitrary<String> targets() {
    List<String> valid = new ArrayList<>();
    for (ServiceModel s : SERVICES) {
      if (s.targetPrefix() != null) s.operations().keySet().forEach(op -> valid.add(s.targetPrefix() + "." + op));
    }
    return Arbitraries.oneOf(Arbitraries.of(valid), Arbitraries.strings().ofMaxLength(40), Arbitraries.just(null).map(x -> (String) null));
  }

  static Arbitrary<String> contentTypes() {
    return Arbitraries.oneOf(
        Arbitraries.of("application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json", "application/x-www-form-urlencoded; charset=utf-8",
            "text/xml", "multipart/form-data", ""),
        Arbitraries.strings().ofMaxLength(20), Arbitraries.just(null).map(x -> (String) null));
  }

  static Arbitrary<String> authorizations() {
    return Arbitraries.oneOf(
        Arbitraries.of("iam", "sts", "sso", "identitystore", "organizations", "x", "").map(Requests.SCOPE::formatted),
        Arbitraries.of("AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=a/b", "Bearer x"),
        Arbitraries.just(null).map(x -> (String) null));
  }

  static Arbitrary<String> formish() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of("Action=", "Version=2010-05-08", "Version=2011-06-15", "Action=CreateRole", "Action=GetCallerIdentity", "Action=ListUsers",
            "RoleName=", "Tags.member.1.Key=", "%", "%zz", "%C3%28", "%E2%82", "+", "&", "=", "max_result=", "role_name=x", "account_id=1",
            "X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fsts%2Faws4_request"),
        Arbitraries.strings().ofMaxLength(8));
    return token.list().ofMaxSize(8).map(ts -> String.join("", ts));
  }

  static Arbitrary<byte[]> bodies() {
    Arbitrary<String> jsonTokens = Arbitraries.oneOf(
        Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "1", "-0.5e9", "\"IdentityStoreId\"", "\"UserName\"", "\"Emails\"",
            "\"d-1234567890\"", "\\u0000", "\\ud800", "\"clientName\"", "\"x\"", "NaN", "''"),
        Arbitraries.of(MEMBER_NAMES).map(n -> "\"" + n + "\""));
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        jsonTokens.list().ofMaxSize(40).map(ts -> String.join("", ts).getBytes(StandardCharsets.UTF_8)),
        formish().map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.strings().ofMaxLength(100).map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.just(new byte[5000]));
  }
}

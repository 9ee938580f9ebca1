package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.core.AwsException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RestJsonProtocolTest {
  record GetRoleCredentialsInput(String roleName, String accountId, String accessToken) {}

  record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Long expiration) {}

  record GetRoleCredentialsOutput(RoleCredentials roleCredentials) {}

  record RegisterClientInput(String clientName, String clientType, List<String> scopes) {}

  static final ObjectMapper JSON = new ObjectMapper();

  final AtomicReference<Object> lastInput = new AtomicReference<>();
  final FakeAuthenticator auth = new FakeAuthenticator();

  final ServiceApi sso = new ServiceApi() {
    @Override
    public String service() {
      return "sso";
    }

    @Override
    public void register(OperationRegistry r) {
      r.add("GetRoleCredentials", GetRoleCredentialsInput.class, (ctx, in) -> {
        lastInput.set(in);
        if (!"at-1".equals(in.accessToken())) throw new AwsException("UnauthorizedException", 400, "Session token not found or invalid");
        return new GetRoleCredentialsOutput(new RoleCredentials("ASIAEXAMPLE", "secret", "token", 1795446298000L));
      });
      r.add("Logout", JsonNode.class, (ctx, in) -> {
        lastInput.set(in);
        return null;
      });
    }
  };

  final ServiceApi oidc = new ServiceApi() {
    @Override
    public String service() {
      return "sso-oidc";
    }

    @Override
    public void register(OperationRegistry r) {
      r.add("RegisterClient", RegisterClientInput.class, (ctx, in) -> {
        lastInput.set(in);
        return Map.of("clientId", "cid-1", "clientSecret", "cs", "clientIdIssuedAt", 1795446298L);
      });
      r.add("CreateToken", JsonNode.class, (ctx, in) -> {
        throw new AwsException("AuthorizationPendingException", 400, "pending",
            Map.of("error", "authorization_pending", "error_description", "Authorization is still pending"));
      });
    }
  };

  final InProcessAws aws = new InProcessAws(List.of(sso, oidc), Clock.systemUTC());
  final AwsEndpoint endpoint = new AwsEndpoint(List.of(sso, oidc), auth, Clock.systemUTC(), 10_000);

  @Test
  void bindsQueryStringAndHeaderMembers() {
    InProcessAws.Response r = aws.rest("GET", "/federation/credentials?role_name=Admin&account_id=123456789012",
        Map.of("x-amz-sso_bearer_token", "at-1"), null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(lastInput.get()).isEqualTo(new GetRoleCredentialsInput("Admin", "123456789012", "at-1"));
    assertThat(r.body()).isEqualTo("{\"roleCredentials\":{\"accessKeyId\":\"ASIAEXAMPLE\",\"secretAccessKey\":\"secret\","
        + "\"sessionToken\":\"token\",\"expiration\":1795446298000}}");
  }

  @Test
  void errorsCarryTheModelsStatusAndErrorTypeHeader() {
    InProcessAws.Response r = aws.rest("GET", "/federation/credentials?role_name=Admin&account_id=123456789012",
        Map.of("x-amz-sso_bearer_token", "wrong"), null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("UnauthorizedException");
    assertThat(r.json().get("message").asText()).isEqualTo("Session token not found or invalid");

    InProcessAws.Response pending = aws.rest("POST", "/token", Map.of(), "{\"clientId\":\"c\",\"clientSecret\":\"s\",\"grantType\":\"urn:ietf:params:oauth:grant-type:device_code\",\"deviceCode\":\"d\"}");
    assertThat(pending.status()).isEqualTo(400);
    assertThat(pending.errorCode()).isEqualTo("AuthorizationPendingException");
    assertThat(pending.json().toString()).isEqualTo("{\"error\":\"authorization_pending\",\"error_description\":\"Authorization is still pending\"}");
  }

  @Test
  void validatesWithTheServicesInvalidRequestShape() {
    InProcessAws.Response missing = aws.rest("GET", "/federation/credentials?role_name=Admin", Map.of("x-amz-sso_bearer_token", "at-1"), null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("InvalidRequestException");
    assertThat(missing.json().get("message").asText())
        .isEqualTo("1 validation error detected: Value null at 'accountId' failed to satisfy constraint: Member must not be null");

    InProcessAws.Response oidcMissing = aws.rest("POST", "/client/register", Map.of(), "{\"clientName\":\"x\"}");
    assertThat(oidcMissing.status()).isEqualTo(400);
    assertThat(oidcMissing.errorCode()).isEqualTo("InvalidRequestException");
    assertThat(oidcMissing.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(oidcMissing.json().get("error_description").asText()).contains("'clientType'");
  }

  @Test
  void bodyMembersAndUnsignedCalls() {
    HttpResponseData r = endpoint.handle(new HttpRequestData("POST", "/client/register", "",
        Map.of("content-type", List.of("application/json")), "{\"clientName\":\"cli\",\"clientType\":\"public\",\"scopes\":[\"sso:account:access\"],\"extra\":1}".getBytes(), "::1"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(lastInput.get()).isEqualTo(new RegisterClientInput("cli", "public", List.of("sso:account:access")));
    assertThat(Requests.text(r)).isEqualTo("{\"clientId\":\"cid-1\",\"clientSecret\":\"cs\",\"clientIdIssuedAt\":1795446298}");

    HttpResponseData logout = endpoint.handle(new HttpRequestData("POST", "/logout", "", Map.of("x-amz-sso_bearer_token", List.of("at-1")), new byte[0], "::1"));
    assertThat(logout.status()).isEqualTo(200);
    assertThat(lastInput.get().toString()).isEqualTo("{\"accessToken\":\"at-1\"}");
    assertThat(auth.signingNames).isEmpty();
  }

  @Test
  void unknownPathsMalformedBodiesAndMediaTypes() throws Exception {
    HttpResponseData unknown = endpoint.handle(new HttpRequestData("GET", "/nope", "", Map.of(), new byte[0], "::1"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException");
    assertThat(JSON.readTree(unknown.body()).get("message").asText()).isEqualTo("No operation answers to GET /nope");

    HttpResponseData wrongMethod = endpoint.handle(new HttpRequestData("DELETE", "/client/register", "", Map.of(), new byte[0], "::1"));
    assertThat(wrongMethod.status()).isEqualTo(404);

    HttpResponseData malformed = endpoint.handle(new HttpRequestData("POST", "/client/register", "",
        Map.of("content-type", List.of("application/json")), "{nope".getBytes(), "::1"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.headers()).containsEntry("x-amzn-ErrorType", "SerializationException");

    HttpResponseData xml = endpoint.handle(new HttpRequestData("POST", "/client/register", "",
        Map.of("content-type", List.of("text/xml")), "<a/>".getBytes(), "::1"));
    assertThat(xml.status()).isEqualTo(415);

    HttpResponseData big = endpoint.handle(new HttpRequestData("POST", "/client/register", "",
        Map.of("content-type", List.of("application/json")), new byte[20_000], "::1"));
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.headers()).containsEntry("x-amzn-ErrorType", "RequestEntityTooLargeException");

    HttpResponseData badQuery = endpoint.handle(new HttpRequestData("GET", "/federation/credentials", "role_name=%E0%A4",
        Map.of(), new byte[0], "::1"));
    assertThat(badQuery.status()).isEqualTo(400);
    assertThat(badQuery.headers()).containsEntry("x-amzn-ErrorType", "SerializationException");
  }
}

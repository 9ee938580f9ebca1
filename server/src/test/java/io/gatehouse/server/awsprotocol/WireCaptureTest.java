package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Every request the AWS CLI v1 and v2 really sent decodes to the input the CLI meant. */
class WireCaptureTest {
  record Name(String givenName, String familyName) {}

  record Email(String value, String type, Boolean primary) {}

  record CreateUserInput(String identityStoreId, String userName, Name name, String displayName, List<Email> emails) {}

  static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, Object> inputs = new ConcurrentHashMap<>();
  final FakeAuthenticator auth = new FakeAuthenticator();

  ServiceApi recording(String service, String... operations) {
    return new ServiceApi() {
      @Override
      public String service() {
        return service;
      }

      @Override
      public void register(OperationRegistry r) {
        for (String op : operations) {
          if (op.equals("CreateUser")) {
            r.add(op, CreateUserInput.class, (ctx, in) -> {
              inputs.put(op, in);
              return Map.of("IdentityStoreId", in.identityStoreId(), "UserId", "u-1");
            });
          } else {
            r.add(op, JsonNode.class, (ctx, in) -> {
              inputs.put(service + "." + op, in);
              return null;
            });
          }
        }
      }
    };
  }

  final AwsEndpoint endpoint = new AwsEndpoint(List.of(
      recording("identitystore", "CreateUser"),
      recording("sso-admin", "CreatePermissionSet"),
      recording("organizations", "CreateAccount"),
      recording("iam", "CreateRole"),
      recording("sts", "AssumeRole", "GetCallerIdentity"),
      recording("sso", "ListAccounts", "GetRoleCredentials"),
      recording("sso-oidc", "RegisterClient", "StartDeviceAuthorization", "CreateToken")), auth, Clock.systemUTC(), 1 << 20);

  JsonNode call(String capture, String key) {
    HttpResponseData r = endpoint.handle(WireCapture.load(capture));
    assertThat(r.status()).as(capture + ": " + Requests.text(r)).isEqualTo(200);
    assertThat(r.headers()).containsKey("x-amzn-RequestId");
    return (JsonNode) inputs.get(key);
  }

  @Test
  void identityStoreCreateUserFromBothClis() {
    for (String capture : List.of("identitystore-CreateUser.http", "cli-v1.45.11/identitystore-CreateUser.http")) {
      inputs.clear();
      HttpResponseData r = endpoint.handle(WireCapture.load(capture));
      assertThat(Requests.text(r)).isEqualTo("{\"IdentityStoreId\":\"d-1234567890\",\"UserId\":\"u-1\"}");
      assertThat(inputs.get("CreateUser")).isEqualTo(new CreateUserInput("d-1234567890", "alice", new Name("Alice", "Example"), "Alice Example",
          List.of(new Email("alice@example.com", "work", true))));
    }
    assertThat(auth.signingNames).containsOnly("identitystore");
  }

  @Test
  void ssoAdminAndOrganizations() {
    JsonNode ps = call("sso-admin-CreatePermissionSet.http", "sso-admin.CreatePermissionSet");
    assertThat(ps.get("Name").asText()).isEqualTo("Admin");
    assertThat(ps.get("SessionDuration").asText()).isEqualTo("PT1H");
    assertThat(ps.get("InstanceArn").asText()).isEqualTo("arn:aws:sso:::instance/ssoins-1111111111111111");
    JsonNode account = call("organizations-CreateAccount.http", "organizations.CreateAccount");
    assertThat(account.toString()).isEqualTo("{\"Email\":\"dev@example.com\",\"AccountName\":\"dev\"}");
    assertThat(auth.signingNames).containsExactly("sso", "organizations");
  }

  @Test
  void iamCreateRoleFromBothClis() throws Exception {
    JsonNode v2 = call("iam-CreateRole.http", "iam.CreateRole");
    assertThat(v2.get("RoleName").asText()).isEqualTo("dev-admin");
    assertThat(v2.get("Description").asText()).isEqualTo("test role");
    assertThat(JSON.readTree(v2.get("AssumeRolePolicyDocument").asText()).at("/Statement/0/Principal/AWS").asText())
        .isEqualTo("arn:aws:iam::123456789012:root");
    JsonNode v1 = call("cli-v1.45.11/iam-CreateRole.http", "iam.CreateRole");
    assertThat(v1.get("RoleName").asText()).isEqualTo("dev-admin");
    assertThat(v1.has("Description")).isFalse();
    assertThat(auth.signingNames).containsExactly("iam", "iam");
  }

  @Test
  void stsCalls() {
    JsonNode assume = call("sts-AssumeRole.http", "sts.AssumeRole");
    assertThat(assume.toString()).isEqualTo("{\"RoleArn\":\"arn:aws:iam::123456789012:role/dev-admin\",\"RoleSessionName\":\"s1\",\"DurationSeconds\":3600}");
    assertThat(call("sts-GetCallerIdentity.http", "sts.GetCallerIdentity").toString()).isEqualTo("{}");
    HttpResponseData r = endpoint.handle(WireCapture.load("sso-login/05-sts-GetCallerIdentity-with-session-token.http"));
    assertThat(Requests.text(r)).startsWith("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult></GetCallerIdentityResult>");
    assertThat(auth.signingNames).containsExactly("sts", "sts", "sts");
  }

  @Test
  void ssoPortalCallsBindQueryAndHeaderMembersWithoutSigV4() {
    JsonNode accounts = call("sso-ListAccounts.http", "sso.ListAccounts");
    assertThat(accounts.toString()).isEqualTo("{\"maxResults\":10,\"accessToken\":\"at-1\"}");
    JsonNode creds = call("sso-login/04-sso-GetRoleCredentials.http", "sso.GetRoleCredentials");
    assertThat(creds.toString()).isEqualTo("{\"roleName\":\"Admin\",\"accountId\":\"123456789012\",\"accessToken\":\"at-1\"}");
    assertThat(auth.signingNames).isEmpty();
  }

  @Test
  void ssoOidcLoginFlow() {
    List<String> clientNames = new ArrayList<>();
    for (String capture : List.of("sso-oidc-RegisterClient.http", "cli-v1.45.11/sso-oidc-RegisterClient.http",
        "sso-login/01-sso-oidc-RegisterClient.http", "sso-login/01b-sso-oidc-RegisterClient-legacy-profile.http")) {
      JsonNode in = call(capture, "sso-oidc.RegisterClient");
      clientNames.add(in.get("clientName").asText());
      assertThat(in.get("clientType").asText()).isEqualTo("public");
    }
    assertThat(clientNames).containsExactly("my-cli", "my-cli", "botocore-client-mysso", "botocore-client-1795446298");
    JsonNode device = call("sso-login/02-sso-oidc-StartDeviceAuthorization.http", "sso-oidc.StartDeviceAuthorization");
    assertThat(device.get("startUrl").asText()).isEqualTo("http://127.0.0.1:18080/start");
    JsonNode token = call("sso-login/03-sso-oidc-CreateToken.http", "sso-oidc.CreateToken");
    assertThat(token.get("grantType").asText()).isEqualTo("urn:ietf:params:oauth:grant-type:device_code");
    assertThat(token.get("deviceCode").asText()).isEqualTo("devcode-1");
    assertThat(auth.signingNames).isEmpty();
  }
}

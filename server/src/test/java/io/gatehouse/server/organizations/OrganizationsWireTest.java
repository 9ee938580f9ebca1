package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.awsprotocol.AwsEndpoint;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.awsprotocol.HttpResponseData;
import io.gatehouse.server.core.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The organizations API through the protocol layer (JSON 1.1), with a chosen caller instead of
 * SigV4: shapes, ids and ARNs against the model's patterns, errors with their Reason, and who may call.
 */
class OrganizationsWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode MODEL_SHAPES = loadModel().path("shapes");

  private final OrganizationsFixture f = new OrganizationsFixture();
  private Caller caller = Caller.root(f.info.managementAccountId(), "AKIATEST");
  private final AwsEndpoint endpoint =
      new AwsEndpoint(List.of(f.feature.api()), (request, signingName) -> caller, f.clock, 1 << 20);

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void idsAndArnsFollowTheModelsPatterns() {
    JsonNode org = ok("DescribeOrganization", "{}").path("Organization");
    assertPattern("OrganizationId", org.path("Id"));
    assertPattern("OrganizationArn", org.path("Arn"));
    assertPattern("AccountArn", org.path("MasterAccountArn"));
    assertThat(org.path("MasterAccountEmail").asText()).isEqualTo(OrganizationsFixture.MANAGEMENT_EMAIL);
    assertThat(org.path("FeatureSet").asText()).isEqualTo("ALL");
    assertThat(org.path("AvailablePolicyTypes").toString()).contains("SERVICE_CONTROL_POLICY", "ENABLED");

    JsonNode root = ok("ListRoots", "{}").path("Roots").get(0);
    assertPattern("RootId", root.path("Id"));
    assertPattern("RootArn", root.path("Arn"));
    assertThat(root.path("Name").asText()).isEqualTo("Root");

    JsonNode ou = ok("CreateOrganizationalUnit", "{\"ParentId\":\"" + f.rootId() + "\",\"Name\":\"Prod\"}").path("OrganizationalUnit");
    assertPattern("OrganizationalUnitId", ou.path("Id"));
    assertPattern("OrganizationalUnitArn", ou.path("Arn"));
    assertPattern("Path", ou.path("Path"));

    JsonNode status = ok("CreateAccount", "{\"Email\":\"dev@example.com\",\"AccountName\":\"Dev\"}").path("CreateAccountStatus");
    assertPattern("CreateAccountRequestId", status.path("Id"));
    assertThat(status.path("State").asText()).isEqualTo("SUCCEEDED");
    assertThat(status.path("RequestedTimestamp").isNumber()).isTrue();
    String accountId = status.path("AccountId").asText();

    JsonNode account = ok("DescribeAccount", "{\"AccountId\":\"" + accountId + "\"}").path("Account");
    assertPattern("AccountArn", account.path("Arn"));
    assertPattern("Path", account.path("Paths").get(0));
    assertThat(account.path("Status").asText()).isEqualTo("ACTIVE");
    assertThat(account.path("State").asText()).isEqualTo("ACTIVE");
    assertThat(account.path("JoinedMethod").asText()).isEqualTo("CREATED");

    JsonNode policy = ok("CreatePolicy", "{\"Name\":\"DenyS3\",\"Description\":\"d\",\"Type\":\"SERVICE_CONTROL_POLICY\",\"Content\":"
        + JSON.valueToTree(OrganizationsFixture.DENY_S3) + "}").path("Policy");
    JsonNode summary = policy.path("PolicySummary");
    assertPattern("PolicyId", summary.path("Id"));
    // The model's PolicyArn pattern wants 10+ id characters, but AWS's SCP ids have 8 (p-xxxxxxxx).
    assertThat(summary.path("Arn").asText()).matches("arn:aws:organizations::\\d{12}:policy/o-[a-z0-9]{10}/service_control_policy/p-[a-z0-9]{8}");
    assertThat(summary.path("AwsManaged").asBoolean()).isFalse();
    assertThat(policy.path("Content").asText()).isEqualTo(OrganizationsFixture.DENY_S3);

    JsonNode full = ok("DescribePolicy", "{\"PolicyId\":\"p-FullAWSAccess\"}").path("Policy").path("PolicySummary");
    assertPattern("PolicyArn", full.path("Arn"));
    assertThat(full.path("Arn").asText()).isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
    assertThat(full.path("AwsManaged").asBoolean()).isTrue();

    JsonNode targets = ok("ListTargetsForPolicy", "{\"PolicyId\":\"p-FullAWSAccess\"}").path("Targets");
    assertThat(targets).hasSize(4);
    for (JsonNode t : targets) assertPattern("GenericArn", t.path("Arn"));
  }

  @Test
  void errorsCarryTheirCodeAndReason() {
    String ou = f.rootId();
    for (int i = 1; i <= 5; i++) ou = f.ou(ou, "l" + i).id();
    JsonNode error = error("CreateOrganizationalUnit", "{\"ParentId\":\"" + ou + "\",\"Name\":\"l6\"}", 400);
    assertThat(error.path("__type").asText()).endsWith("ConstraintViolationException");
    assertThat(error.path("Reason").asText()).isEqualTo("OU_DEPTH_LIMIT_EXCEEDED");

    assertThat(error("DescribeOrganizationalUnit", "{\"OrganizationalUnitId\":\"ou-zzzz-zzzzzzzz\"}", 400).path("__type").asText())
        .endsWith("OrganizationalUnitNotFoundException");
    assertThat(error("CreateOrganization", "{}", 400).path("__type").asText()).endsWith("AlreadyInOrganizationException");
  }

  @Test
  void listsPageWithNextToken() {
    for (int i = 0; i < 3; i++) f.account("A" + i);
    JsonNode first = ok("ListAccounts", "{\"MaxResults\":2}");
    assertThat(first.path("Accounts")).hasSize(2);
    String token = first.path("NextToken").asText();
    JsonNode second = ok("ListAccounts", "{\"MaxResults\":2,\"NextToken\":\"" + token + "\"}");
    assertThat(second.path("Accounts")).hasSize(2);
    assertThat(second.has("NextToken")).isFalse();
    assertThat(error("ListAccounts", "{\"NextToken\":\"%%%\"}", 400).path("__type").asText()).isNotBlank();
  }

  @Test
  void memberAccountsMayOnlyDescribeTheOrganizationAndOutsidersNothing() {
    String member = f.account("Member");
    caller = Caller.root(member, "AKIAMEMBER");
    assertThat(ok("DescribeOrganization", "{}").path("Organization").path("Id").asText()).isEqualTo(f.info.organizationId());
    assertThat(error("ListAccounts", "{}", 400).path("__type").asText()).endsWith("AccessDeniedException");
    assertThat(error("CreateOrganizationalUnit", "{\"ParentId\":\"" + f.rootId() + "\",\"Name\":\"x\"}", 400)
        .path("__type").asText()).endsWith("AccessDeniedException");

    caller = Caller.root("123456789012", "AKIAOUTSIDER");
    assertThat(error("DescribeOrganization", "{}", 400).path("__type").asText()).endsWith("AWSOrganizationsNotInUseException");
    assertThat(error("ListRoots", "{}", 400).path("__type").asText()).endsWith("AWSOrganizationsNotInUseException");
  }

  private JsonNode ok(String operation, String body) {
    HttpResponseData response = call(operation, body);
    assertThat(response.status()).as(operation + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return read(response);
  }

  private JsonNode error(String operation, String body, int status) {
    HttpResponseData response = call(operation, body);
    assertThat(response.status()).as(operation + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    return read(response);
  }

  private HttpResponseData call(String operation, String body) {
    return endpoint.handle(new HttpRequestData("POST", "/", "",
        Map.of("x-amz-target", List.of("AWSOrganizationsV20161128." + operation),
            "content-type", List.of("application/x-amz-json-1.1"),
            "host", List.of("organizations.us-east-1.amazonaws.com")),
        body.getBytes(StandardCharsets.UTF_8), "127.0.0.1"));
  }

  private static JsonNode read(HttpResponseData response) {
    try {
      return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertPattern(String shape, JsonNode value) {
    String pattern = MODEL_SHAPES.path(shape).path("pattern").asText();
    assertThat(pattern).as("pattern of " + shape).isNotEmpty();
    assertThat(Pattern.compile(pattern).matcher(value.asText()).find()).as(value.asText() + " ~ " + shape + " " + pattern).isTrue();
  }

  private static JsonNode loadModel() {
    try (InputStream in = OrganizationsWireTest.class.getResourceAsStream("/aws-models/organizations/service-2.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

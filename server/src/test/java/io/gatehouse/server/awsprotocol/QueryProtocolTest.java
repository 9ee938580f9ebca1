package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.auth.AuthenticationException;
import io.gatehouse.server.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class QueryProtocolTest {
  record Tag(String key, String value) {}

  record CreateRoleInput(String path, String roleName, String assumeRolePolicyDocument, String description, Integer maxSessionDuration, List<Tag> tags) {}

  record Role(String path, String roleName, String roleId, String arn, Instant createDate, List<Tag> tags) {}

  record CreateRoleOutput(Role role) {}

  record ListRolesOutput(List<Role> roles, Boolean isTruncated, String marker) {}

  record Identity(String userId, String account, String arn) {}

  static final Instant CREATED = Instant.parse("2026-11-23T15:04:06Z");

  final AtomicReference<Object> lastInput = new AtomicReference<>();
  final FakeAuthenticator auth = new FakeAuthenticator();

  final ServiceApi iam = new ServiceApi() {
    @Override
    public String service() {
      return "iam";
    }

    @Override
    public void register(OperationRegistry r) {
      r.add("CreateRole", CreateRoleInput.class, (ctx, in) -> {
        lastInput.set(in);
        return new CreateRoleOutput(new Role("/", in.roleName(), "AROAEXAMPLE", "arn:aws:iam::123456789012:role/" + in.roleName(), CREATED, in.tags()));
      });
      r.add("ListRoles", com.fasterxml.jackson.databind.JsonNode.class, (ctx, in) -> {
        lastInput.set(in);
        return new ListRolesOutput(List.of(new Role("/", "a<b&c", "AROA1", "arn:aws:iam::123456789012:role/a", CREATED, List.of())), false, null);
      });
      r.add("GetAccountSummary", Void.class, (ctx, in) -> {
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("Users", 3);
        summary.put("Roles", 7);
        return Map.of("SummaryMap", summary);
      });
      r.add("DeleteRole", com.fasterxml.jackson.databind.JsonNode.class, (ctx, in) -> null);
      r.add("GetRole", com.fasterxml.jackson.databind.JsonNode.class, (ctx, in) -> {
        throw new AwsException("NoSuchEntityException", 400, "The role with name " + in.get("RoleName").asText() + " cannot be found.");
      });
      r.add("GetUser", com.fasterxml.jackson.databind.JsonNode.class, (ctx, in) -> {
        throw new NullPointerException();
      });
    }
  };

  final ServiceApi sts = new ServiceApi() {
    @Override
    public String service() {
      return "sts";
    }

    @Override
    public void register(OperationRegistry r) {
      r.add("GetCallerIdentity", Void.class, (ctx, in) -> new Identity(ctx.caller().userId(), ctx.caller().accountId(), ctx.caller().arn()));
      r.add("AssumeRoleWithWebIdentity", com.fasterxml.jackson.databind.JsonNode.class, (ctx, in) -> {
        lastInput.set(ctx.caller() == null ? "unsigned" : "signed");
        return Map.of();
      });
    }
  };

  final AwsEndpoint endpoint = new AwsEndpoint(List.of(iam, sts), auth, Clock.fixed(CREATED, ZoneOffset.UTC), 10_000);

  HttpResponseData iam(String form) {
    return endpoint.handle(Requests.form("iam", "Version=2010-05-08&" + form));
  }

  @Test
  void decodesListsAndEncodesXml() {
    HttpResponseData r = iam("Action=CreateRole&RoleName=dev-admin&AssumeRolePolicyDocument=%7B%7D&MaxSessionDuration=3600"
        + "&Tags.member.1.Key=team&Tags.member.1.Value=a+b&Tags.member.2.Key=env&Tags.member.2.Value=");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsEntry("Content-Type", "text/xml");
    String id = r.headers().get("x-amzn-RequestId");
    assertThat(lastInput.get()).isEqualTo(new CreateRoleInput(null, "dev-admin", "{}", null, 3600, List.of(new Tag("team", "a b"), new Tag("env", ""))));
    assertThat(Requests.text(r)).isEqualTo(
        "<CreateRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><CreateRoleResult><Role>"
            + "<Path>/</Path><RoleName>dev-admin</RoleName><RoleId>AROAEXAMPLE</RoleId><Arn>arn:aws:iam::123456789012:role/dev-admin</Arn>"
            + "<CreateDate>2026-11-23T15:04:06Z</CreateDate>"
            + "<Tags><member><Key>team</Key><Value>a b</Value></member><member><Key>env</Key><Value></Value></member></Tags>"
            + "</Role></CreateRoleResult><ResponseMetadata><RequestId>" + id + "</RequestId></ResponseMetadata></CreateRoleResponse>");
  }

  @Test
  void escapesXmlAndWritesBooleans() {
    String body = Requests.text(iam("Action=ListRoles&MaxItems=10"));
    assertThat(body).contains("<RoleName>a&lt;b&amp;c</RoleName>", "<Tags></Tags>", "<IsTruncated>false</IsTruncated>").doesNotContain("<Marker>");
    assertThat(lastInput.get().toString()).isEqualTo("{\"MaxItems\":10}");
  }

  @Test
  void encodesMapsAsEntries() {
    assertThat(Requests.text(iam("Action=GetAccountSummary"))).contains(
        "<GetAccountSummaryResult><SummaryMap><entry><key>Users</key><value>3</value></entry><entry><key>Roles</key><value>7</value></entry></SummaryMap></GetAccountSummaryResult>");
  }

  @Test
  void operationsWithoutOutputHaveNoResultElement() {
    HttpResponseData r = iam("Action=DeleteRole&RoleName=x");
    assertThat(Requests.text(r)).isEqualTo("<DeleteRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata><RequestId>"
        + r.headers().get("x-amzn-RequestId") + "</RequestId></ResponseMetadata></DeleteRoleResponse>");
  }

  @Test
  void errorsUseTheModelsWireCodeAndStatus() {
    HttpResponseData r = iam("Action=GetRole&RoleName=ghost");
    assertThat(r.status()).isEqualTo(404);
    assertThat(Requests.text(r)).isEqualTo("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
        + "<Code>NoSuchEntity</Code><Message>The role with name ghost cannot be found.</Message></Error><RequestId>"
        + r.headers().get("x-amzn-RequestId") + "</RequestId></ErrorResponse>");
  }

  @Test
  void validationErrors() {
    HttpResponseData r = iam("Action=CreateRole&RoleName=bad%20name&MaxSessionDuration=60");
    assertThat(r.status()).isEqualTo(400);
    String body = Requests.text(r);
    assertThat(body).contains("<Type>Sender</Type><Code>ValidationError</Code>",
        "<Message>3 validation errors detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null; "
            + "Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; "
            + "Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600</Message>");

    HttpResponseData notANumber = iam("Action=ListRoles&MaxItems=ten");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(Requests.text(notANumber)).contains("<Code>ValidationError</Code>", "'maxItems'");
  }

  @Test
  void unknownMissingAndUnregisteredActions() {
    HttpResponseData unknown = iam("Action=Frobnicate");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(Requests.text(unknown)).contains("<Code>InvalidAction</Code>", "Could not find operation Frobnicate for version 2010-05-08");

    HttpResponseData missing = iam("RoleName=x");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(Requests.text(missing)).contains("<Code>MissingAction</Code>");

    HttpResponseData unregistered = iam("Action=CreateUser&UserName=bob");
    assertThat(unregistered.status()).isEqualTo(400);
    assertThat(Requests.text(unregistered)).contains("<Code>InvalidAction</Code>");
  }

  @Test
  void routesIamAndStsByCredentialScopeThenVersion() {
    HttpResponseData byScope = endpoint.handle(Requests.form("sts", "Action=GetCallerIdentity&Version=2011-06-15"));
    assertThat(Requests.text(byScope)).startsWith("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<GetCallerIdentityResult><UserId>123456789012</UserId><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:root</Arn>");
    assertThat(auth.signingNames).containsExactly("sts");

    // Unsigned (AssumeRoleWithWebIdentity has authtype none): the Version decides, and no signature is checked.
    HttpResponseData byVersion = endpoint.handle(Requests.form(null,
        "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s1&WebIdentityToken=" + "t".repeat(10)));
    assertThat(byVersion.status()).isEqualTo(200);
    assertThat(lastInput.get()).isEqualTo("unsigned");
    assertThat(auth.signingNames).containsExactly("sts");

    // GET with the parameters in the query string works too.
    HttpResponseData get = endpoint.handle(new HttpRequestData("GET", "/", "Action=GetCallerIdentity&Version=2011-06-15",
        Map.of("authorization", List.of(Requests.SCOPE.formatted("sts"))), new byte[0], "10.0.0.1"));
    assertThat(get.status()).isEqualTo(200);

    // A presigned GET names its service in X-Amz-Credential; it wins over a missing or foreign Version.
    HttpResponseData presigned = endpoint.handle(new HttpRequestData("GET", "/",
        "Action=GetCallerIdentity&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261123%2Fap-south-1%2Fsts%2Faws4_request&X-Amz-Signature=00",
        Map.of(), new byte[0], "10.0.0.1"));
    assertThat(presigned.status()).isEqualTo(200);
    assertThat(auth.signingNames).containsExactly("sts", "sts", "sts");
  }

  @Test
  void unexpectedFailuresAreInternalErrors() {
    HttpResponseData r = iam("Action=GetUser");
    assertThat(r.status()).isEqualTo(500);
    assertThat(Requests.text(r)).contains("<Type>Receiver</Type><Code>ServiceFailure</Code>").doesNotContain("NullPointer", "java.");
  }

  @Test
  void malformedFormsAndContentTypes() {
    HttpResponseData badEscape = iam("Action=ListRoles&Marker=%zz");
    assertThat(badEscape.status()).isEqualTo(400);
    assertThat(Requests.text(badEscape)).contains("<Code>MalformedQueryString</Code>");

    HttpResponseData badUtf8 = iam("Action=ListRoles&Marker=%C3%28");
    assertThat(badUtf8.status()).isEqualTo(400);
    assertThat(Requests.text(badUtf8)).contains("<Code>MalformedQueryString</Code>");

    HttpResponseData json = endpoint.handle(Requests.with(Requests.form("iam", "{\"Action\":\"ListRoles\"}"), "content-type", "application/json"));
    assertThat(json.status()).isEqualTo(415);
    assertThat(Requests.text(json)).contains("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">");

    HttpResponseData big = iam("Action=ListRoles&Marker=" + "x".repeat(20_000));
    assertThat(big.status()).isEqualTo(413);
    assertThat(Requests.text(big)).contains("<Code>RequestEntityTooLarge</Code>");

    byte[] raw = "Action=ListRoles&Version=2010-05-08&Marker=\u00e9".getBytes(StandardCharsets.UTF_8);
    HttpResponseData rawBytes = endpoint.handle(Requests.withBody(Requests.form("iam", ""), raw));
    assertThat(rawBytes.status()).isEqualTo(400);
  }

  @Test
  void authenticationFailuresUseTheQueryCodes() {
    Map<AuthenticationException.Kind, String> expected = Map.of(
        AuthenticationException.Kind.MISSING_AUTHENTICATION, "MissingAuthenticationToken",
        AuthenticationException.Kind.INCOMPLETE_SIGNATURE, "IncompleteSignature",
        AuthenticationException.Kind.UNKNOWN_ACCESS_KEY, "InvalidClientTokenId",
        AuthenticationException.Kind.SIGNATURE_MISMATCH, "SignatureDoesNotMatch",
        AuthenticationException.Kind.EXPIRED_TOKEN, "ExpiredToken");
    for (var e : expected.entrySet()) {
      auth.rejectWith(e.getKey());
      HttpResponseData r = endpoint.handle(Requests.form("sts", "Action=GetCallerIdentity&Version=2011-06-15"));
      assertThat(r.status()).isEqualTo(403);
      assertThat(Requests.text(r)).startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"
          + e.getValue() + "</Code>");
    }
  }
}

package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.auth.AuthenticationException;
import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.core.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JsonProtocolTest {
  record Name(String givenName, String familyName) {}

  record Email(String value, String type, Boolean primary) {}

  record CreateUserInput(String identityStoreId, String userName, Name name, String displayName, List<Email> emails) {}

  record CreateUserOutput(String identityStoreId, String userId) {}

  record User(String identityStoreId, String userId, String userName, Instant createdAt, List<Email> emails) {}

  record ListUsersOutput(List<User> users, String nextToken) {}

  record DescribeAccountInput(String accountId) {}

  static final Instant NOW = Instant.parse("2026-11-23T15:04:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final AtomicReference<Object> lastInput = new AtomicReference<>();
  final AtomicReference<RequestContext> lastContext = new AtomicReference<>();
  final FakeAuthenticator auth = new FakeAuthenticator();

  final ServiceApi identityStore = new ServiceApi() {
    @Override
    public String service() {
      return "identitystore";
    }

    @Override
    public void register(OperationRegistry r) {
      r.add("CreateUser", CreateUserInput.class, (ctx, in) -> {
        lastInput.set(in);
        lastContext.set(ctx);
        return new CreateUserOutput(in.identityStoreId(), "a1b2c3d4-0000-1111-2222-333344445555");
      });
      r.add("ListUsers", JsonNode.class, (ctx, in) -> {
        lastInput.set(in);
        PageToken.decode(in.path("NextToken").asText(null));
        return new ListUsersOutput(List.of(new User("d-1234567890", "u-1", "alice", Instant.ofEpochSecond(1700000000, 500_000_000),
            List.of(new Email("a@example.com", "work", true)))), null);
      });
      r.add("DescribeUser", JsonNode.class, (ctx, in) -> {
        throw new AwsException("ResourceNotFoundException", 400, "USER not found", Map.of("ResourceType", "USER", "ResourceId", "u-9"));
      });
      r.add("DeleteUser", JsonNode.class, (ctx, in) -> null);
      r.add("GetUserId", JsonNode.class, (ctx, in) -> {
        throw new IllegalStateException("boom at java.lang.Thread.run(Thread.java:1)");
      });
    }
  };

  final ServiceApi organizations = new ServiceApi() {
    @Override
    public String service() {
      return "organizations";
    }

    @Override
    public void register(OperationRegistry r) {
      r.add("DescribeAccount", DescribeAccountInput.class, (ctx, in) -> Map.of("Account", Map.of("Id", in.accountId(), "JoinedTimestamp", NOW)));
      r.add("ListAccounts", JsonNode.class, (ctx, in) -> {
        PageToken.decode(in.path("NextToken").asText(null));
        return Map.of("Accounts", List.of());
      });
    }
  };

  final AwsEndpoint endpoint = new AwsEndpoint(List.of(identityStore, organizations), auth, Clock.fixed(NOW, ZoneOffset.UTC), 10_000);

  HttpResponseData call(String op, String body) {
    return endpoint.handle(Requests.json("AWSIdentityStore." + op, "identitystore", body));
  }

  JsonNode json(HttpResponseData r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void decodesBindsInvokesAndEncodes() throws Exception {
    HttpResponseData r = call("CreateUser", """
        {"IdentityStoreId": "d-1234567890", "UserName": "alice", "Unknown": {"x": 1},
         "Name": {"GivenName": "Alice", "FamilyName": "Example"}, "DisplayName": "Alice Example",
         "Emails": [{"Value": "alice@example.com", "Type": "work", "Primary": true}]}""");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1");
    assertThat(r.headers().get("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
    assertThat(json(r)).isEqualTo(JSON.readTree("{\"IdentityStoreId\":\"d-1234567890\",\"UserId\":\"a1b2c3d4-0000-1111-2222-333344445555\"}"));
    assertThat(lastInput.get()).isEqualTo(new CreateUserInput("d-1234567890", "alice", new Name("Alice", "Example"), "Alice Example",
        List.of(new Email("alice@example.com", "work", true))));
    RequestContext ctx = lastContext.get();
    assertThat(ctx.requestId()).isEqualTo(r.headers().get("x-amzn-RequestId"));
    assertThat(ctx.service()).isEqualTo("identitystore");
    assertThat(ctx.operation()).isEqualTo("CreateUser");
    assertThat(ctx.region()).isEqualTo("eu-west-1");
    assertThat(ctx.time()).isEqualTo(NOW);
    assertThat(ctx.caller().accountId()).isEqualTo("123456789012");
    assertThat(auth.signingNames).containsExactly("identitystore");
  }

  @Test
  void encodesTimestampsAsEpochSecondsAndOmitsNulls() throws Exception {
    HttpResponseData r = call("ListUsers", "{\"IdentityStoreId\":\"d-1234567890\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(Requests.text(r)).isEqualTo(
        "{\"Users\":[{\"IdentityStoreId\":\"d-1234567890\",\"UserId\":\"u-1\",\"UserName\":\"alice\","
            + "\"Emails\":[{\"Value\":\"a@example.com\",\"Type\":\"work\",\"Primary\":true}],\"CreatedAt\":1700000000.5}]}");
  }

  @Test
  void voidOutputIsAnEmptyObject() {
    HttpResponseData r = call("DeleteUser", "{\"IdentityStoreId\":\"d-1234567890\",\"UserId\":\"a1b2c3d4-0000-1111-2222-333344445555\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(Requests.text(r)).isEqualTo("{}");
  }

  @Test
  void validationErrorsUseAwsWording() throws Exception {
    HttpResponseData r = call("CreateUser", "{\"UserName\": \"" + "x".repeat(129) + "\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.headers()).containsEntry("x-amzn-ErrorType", "ValidationException");
    JsonNode body = json(r);
    assertThat(body.get("__type").asText()).isEqualTo("ValidationException");
    // UserName is a sensitive shape: AWS leaves its value out of the message.
    assertThat(body.get("Message").asText()).isEqualTo("2 validation errors detected: "
        + "Value null at 'identityStoreId' failed to satisfy constraint: Member must not be null; "
        + "Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 128");
    assertThat(body.get("RequestId").asText()).isEqualTo(r.headers().get("x-amzn-RequestId"));
  }

  @Test
  void validatesPatternsRangesAndNestedLists() throws Exception {
    HttpResponseData r = call("ListUsers", "{\"IdentityStoreId\": \"nope\", \"MaxResults\": 1000}");
    assertThat(json(r).get("Message").asText()).isEqualTo("2 validation errors detected: "
        + "Value 'nope' at 'identityStoreId' failed to satisfy constraint: Member must satisfy regular expression pattern: "
        + "d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}; "
        + "Value '1000' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");

    HttpResponseData nested = call("CreateUser", "{\"IdentityStoreId\": \"d-1234567890\", \"Emails\": [{\"Value\": \"\"}, {}]}");
    // The empty value breaks both its minimum length and its pattern; AWS reports each.
    assertThat(json(nested).get("Message").asText()).startsWith("3 validation errors detected: "
        + "Value '[{\"Value\":\"\"}, {}]' at 'emails' failed to satisfy constraint: Member must have length less than or equal to 1; "
        + "Value at 'emails.1.member.value' failed to satisfy constraint: Member must have length greater than or equal to 1; "
        + "Value at 'emails.1.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: ");
  }

  @Test
  void membersAreBoundOnlyUnderTheirModelName() {
    // JSON member names are case-sensitive: "userName" is an unknown member, so it is neither
    // validated nor bound (binding it would let an unchecked value through).
    HttpResponseData r = call("CreateUser", "{\"IdentityStoreId\": \"d-1234567890\", \"userName\": \"" + "x".repeat(300) + "\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(((CreateUserInput) lastInput.get()).userName()).isNull();
  }

  @Test
  void deeplyNestedBodiesAreRefused() throws Exception {
    HttpResponseData r = endpoint.handle(Requests.json("AWSIdentityStore.CreateUser", "identitystore",
        "{\"Name\":" + "[".repeat(1500) + "]".repeat(1500) + "}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).get("__type").asText()).isEqualTo("SerializationException");
  }

  @Test
  void registrationChecksRecordsAgainstTheModel() {
    record BadName(String givenNam) {}
    record BadInput(String identityStoreId, BadName name) {}
    ServiceApi bad = new ServiceApi() {
      @Override
      public String service() {
        return "identitystore";
      }

      @Override
      public void register(OperationRegistry r) {
        r.add("CreateUser", BadInput.class, (ctx, in) -> null);
      }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AwsEndpoint(List.of(bad), auth, Clock.systemUTC(), 1000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[name.givenNam]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AwsEndpoint(List.of(identityStore, identityStore), auth, Clock.systemUTC(), 1000))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("registered twice");
  }

  @Test
  void wrongJsonTypesAreSerializationErrors() throws Exception {
    HttpResponseData r = call("CreateUser", "{\"IdentityStoreId\": 5}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).get("__type").asText()).isEqualTo("SerializationException");
  }

  @Test
  void organizationsAnswersInvalidInputWithReason() throws Exception {
    HttpResponseData r = endpoint.handle(Requests.json("AWSOrganizationsV20161128.DescribeAccount", "organizations", "{\"AccountId\":\"12\"}"));
    assertThat(r.status()).isEqualTo(400);
    JsonNode body = json(r);
    assertThat(body.get("__type").asText()).isEqualTo("InvalidInputException");
    assertThat(body.get("Reason").asText()).isEqualTo("INVALID_PATTERN");
    assertThat(body.get("Message").asText()).isEqualTo(
        "1 validation error detected: Value '12' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\d{12}$");

    HttpResponseData ok = endpoint.handle(Requests.json("AWSOrganizationsV20161128.DescribeAccount", "organizations", "{\"AccountId\":\"111122223333\"}"));
    assertThat(Requests.text(ok)).isEqualTo("{\"Account\":{\"Id\":\"111122223333\",\"JoinedTimestamp\":1795446240}}");
  }

  @Test
  void invalidPageTokensAreTheServicesValidationError() throws Exception {
    HttpResponseData orgs = endpoint.handle(Requests.json("AWSOrganizationsV20161128.ListAccounts", "organizations", "{\"NextToken\":\"a=b\"}"));
    assertThat(orgs.status()).isEqualTo(400);
    assertThat(json(orgs).get("__type").asText()).isEqualTo("InvalidInputException");
    assertThat(json(orgs).get("Reason").asText()).isEqualTo("INVALID_NEXT_TOKEN");

    HttpResponseData ids = call("ListUsers", "{\"IdentityStoreId\":\"d-1234567890\",\"NextToken\":\"a=b\"}");
    assertThat(ids.status()).isEqualTo(400);
    assertThat(json(ids).get("__type").asText()).isEqualTo("ValidationException");
  }

  @Test
  void featureErrorsCarryTheirFields() throws Exception {
    HttpResponseData r = call("DescribeUser", "{\"IdentityStoreId\":\"d-1234567890\",\"UserId\":\"a1b2c3d4-0000-1111-2222-333344445555\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.headers()).containsEntry("x-amzn-ErrorType", "ResourceNotFoundException");
    JsonNode body = json(r);
    assertThat(body.get("__type").asText()).isEqualTo("ResourceNotFoundException");
    assertThat(body.get("Message").asText()).isEqualTo("USER not found");
    assertThat(body.get("ResourceType").asText()).isEqualTo("USER");
    assertThat(body.get("ResourceId").asText()).isEqualTo("u-9");
  }

  @Test
  void unexpectedFailuresAreGeneric500s() throws Exception {
    HttpResponseData r = call("GetUserId", "{\"IdentityStoreId\":\"d-1234567890\",\"AlternateIdentifier\":{\"ExternalId\":{\"Issuer\":\"i\",\"Id\":\"x\"}}}");
    assertThat(r.status()).isEqualTo(500);
    assertThat(json(r).get("__type").asText()).isEqualTo("InternalServerException");
    assertThat(Requests.text(r)).doesNotContain("boom", "java.", "IllegalState");
  }

  @Test
  void unknownAndUnregisteredOperations() throws Exception {
    HttpResponseData unknown = call("Frobnicate", "{}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(json(unknown).get("__type").asText()).isEqualTo("UnknownOperationException");

    HttpResponseData unregistered = call("CreateGroup", "{}");
    assertThat(unregistered.status()).isEqualTo(400);
    assertThat(json(unregistered).get("__type").asText()).isEqualTo("UnknownOperationException");

    HttpResponseData badPrefix = endpoint.handle(Requests.json("Nope.CreateUser", "identitystore", "{}"));
    assertThat(json(badPrefix).get("__type").asText()).isEqualTo("UnknownOperationException");
  }

  @Test
  void malformedBodies() throws Exception {
    for (String body : List.of("{", "[1,2]", "\"x\"", "{\"a\":1} trailing", "{'a':1}", "{\"IdentityStoreId\": NaN}")) {
      HttpResponseData r = call("CreateUser", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(json(r).get("__type").asText()).as(body).isEqualTo("SerializationException");
    }
    byte[] invalidUtf8 = "{\"IdentityStoreId\": \"d-\u0000\"}".getBytes(StandardCharsets.UTF_8);
    invalidUtf8[20] = (byte) 0xC3;
    invalidUtf8[21] = (byte) 0x28;
    HttpResponseData r = endpoint.handle(Requests.withBody(Requests.json("AWSIdentityStore.CreateUser", "identitystore", ""), invalidUtf8));
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).get("__type").asText()).isEqualTo("SerializationException");
  }

  @Test
  void wrongContentTypeAndOversizeBodies() throws Exception {
    HttpResponseData xml = endpoint.handle(Requests.with(Requests.json("AWSIdentityStore.CreateUser", "identitystore", "{}"), "content-type", "text/xml"));
    assertThat(xml.status()).isEqualTo(415);
    assertThat(json(xml).get("__type").asText()).isEqualTo("UnsupportedMediaTypeException");

    HttpResponseData big = call("CreateUser", "{\"DisplayName\":\"" + "x".repeat(20_000) + "\"}");
    assertThat(big.status()).isEqualTo(413);
    assertThat(json(big).get("__type").asText()).isEqualTo("RequestEntityTooLargeException");
    assertThat(big.headers()).containsKey("x-amzn-RequestId");
  }

  @Test
  void authenticationFailuresUseTheJsonCodes() throws Exception {
    Map<AuthenticationException.Kind, String> expected = Map.of(
        AuthenticationException.Kind.MISSING_AUTHENTICATION, "MissingAuthenticationTokenException",
        AuthenticationException.Kind.INCOMPLETE_SIGNATURE, "IncompleteSignatureException",
        AuthenticationException.Kind.UNKNOWN_ACCESS_KEY, "UnrecognizedClientException",
        AuthenticationException.Kind.SIGNATURE_MISMATCH, "InvalidSignatureException",
        AuthenticationException.Kind.EXPIRED_TOKEN, "ExpiredTokenException");
    for (var e : expected.entrySet()) {
      auth.rejectWith(e.getKey());
      HttpResponseData r = call("CreateUser", "{\"IdentityStoreId\":\"d-1234567890\"}");
      assertThat(r.status()).as(e.getKey().name()).isBetween(400, 403);
      assertThat(json(r).get("__type").asText()).isEqualTo(e.getValue());
      assertThat(r.headers()).containsEntry("x-amzn-ErrorType", e.getValue());
      assertThat(json(r).get("message").asText()).isNotBlank();
    }
    assertThat(lastInput.get()).isNull();
  }
}

package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.server.auth.AuthenticationException;
import io.gatehouse.server.core.AwsException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.ValidationException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.InvalidInputExceptionReason;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK for Java v2 reads what the protocol layer writes: outputs, timestamps, lists, and
 * each protocol's errors (as the SDK's typed exceptions), over real HTTP.
 */
class SdkCompatibilityTest {
  static final Instant CREATED = Instant.parse("2026-11-23T15:04:06.250Z");
  static final FakeAuthenticator AUTH = new FakeAuthenticator();
  static HttpServer server;
  static URI endpoint;

  record Email(String value, String type, Boolean primary) {}

  record User(String identityStoreId, String userId, String userName, List<Email> emails, Instant createdAt) {}

  record Tag(String key, String value) {}

  record Role(String path, String roleName, String roleId, String arn, Instant createDate, List<Tag> tags) {}

  static final List<ServiceApi> APIS = List.of(
      api("identitystore", r -> {
        r.add("ListUsers", JsonNode.class, (ctx, in) -> Map.of("Users", List.of(
            new User("d-1234567890", "u-1", "alice", List.of(new Email("a@example.com", "work", true)), CREATED))));
        r.add("DescribeUser", JsonNode.class, (ctx, in) -> {
          throw new AwsException("ResourceNotFoundException", 400, "USER not found", Map.of("ResourceType", "USER", "ResourceId", "u-9"));
        });
      }),
      api("iam", r -> {
        r.add("ListRoles", JsonNode.class, (ctx, in) -> Map.of("Roles",
            List.of(new Role("/", "dev", "AROA1", "arn:aws:iam::123456789012:role/dev", CREATED, List.of(new Tag("k", "v")))), "IsTruncated", false));
        r.add("GetRole", JsonNode.class, (ctx, in) -> {
          throw new AwsException("NoSuchEntityException", 404, "The role with name " + in.get("RoleName").asText() + " cannot be found.");
        });
      }),
      api("sts", r -> r.add("GetCallerIdentity", Void.class,
          (ctx, in) -> Map.of("Account", ctx.caller().accountId(), "Arn", ctx.caller().arn(), "UserId", ctx.caller().userId()))),
      api("organizations", r -> r.add("DescribeAccount", JsonNode.class,
          (ctx, in) -> Map.of("Account", Map.of("Id", in.get("AccountId").asText(), "JoinedTimestamp", CREATED)))));

  interface Registration {
    void register(OperationRegistry r);
  }

  static ServiceApi api(String service, Registration registration) {
    return new ServiceApi() {
      @Override
      public String service() {
        return service;
      }

      @Override
      public void register(OperationRegistry r) {
        registration.register(r);
      }
    };
  }

  @BeforeAll
  static void start() throws Exception {
    AwsEndpoint aws = new AwsEndpoint(APIS, AUTH, Clock.systemUTC(), 1 << 20);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
      URI uri = exchange.getRequestURI();
      HttpRequestData request = new HttpRequestData(exchange.getRequestMethod(), uri.getRawPath(),
          uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, exchange.getRequestBody().readAllBytes(), "127.0.0.1");
      HttpResponseData response = aws.handle(request);
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
      exchange.getResponseBody().write(response.body());
      exchange.close();
    });
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return builder.endpointOverride(endpoint).region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret")))
        .build();
  }

  @Test
  void jsonProtocolOutputsAndErrors() {
    try (IdentitystoreClient ids = client(IdentitystoreClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
      var users = ids.listUsers(b -> b.identityStoreId("d-1234567890")).users();
      assertThat(users).hasSize(1);
      assertThat(users.get(0).userName()).isEqualTo("alice");
      assertThat(users.get(0).createdAt()).isEqualTo(CREATED);
      assertThat(users.get(0).emails().get(0).primary()).isTrue();

      assertThatThrownBy(() -> ids.describeUser(b -> b.identityStoreId("d-1234567890").userId("a1b2c3d4-0000-1111-2222-333344445555")))
          .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.resourceType()).isEqualTo(ResourceType.USER);
            assertThat(e.resourceId()).isEqualTo("u-9");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("USER not found");
          });
      assertThatThrownBy(() -> ids.listUsers(b -> b.identityStoreId("d-1234567890").maxResults(1000)))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }
    try (OrganizationsClient orgs = client(OrganizationsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
      assertThat(orgs.describeAccount(b -> b.accountId("111122223333")).account().joinedTimestamp()).isEqualTo(CREATED);
      assertThatThrownBy(() -> orgs.describeAccount(b -> b.accountId("12")))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).isEqualTo(InvalidInputExceptionReason.INVALID_PATTERN));
    }
  }

  @Test
  void queryProtocolOutputsAndErrors() {
    try (IamClient iam = client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.AWS_GLOBAL))) {
      var roles = iam.listRoles().roles();
      assertThat(roles).hasSize(1);
      assertThat(roles.get(0).createDate()).isEqualTo(CREATED);
      assertThat(roles.get(0).tags().get(0).value()).isEqualTo("v");
      assertThatThrownBy(() -> iam.getRole(b -> b.roleName("ghost")))
          .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The role with name ghost cannot be found.");
          });
      assertThatThrownBy(() -> iam.getRole(b -> b.roleName("bad name")))
          .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }
    try (StsClient sts = client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
      var identity = sts.getCallerIdentity();
      assertThat(identity.account()).isEqualTo("123456789012");
      assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:root");
    }
  }

  @Test
  void authenticationErrorsReachTheSdkWithTheirCodes() {
    AUTH.rejectWith(AuthenticationException.Kind.UNKNOWN_ACCESS_KEY);
    try (StsClient sts = client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()));
        OrganizationsClient orgs = client(OrganizationsClient.builder().httpClient(UrlConnectionHttpClient.create()))) {
      assertThatThrownBy(sts::getCallerIdentity)
          .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
      assertThatThrownBy(() -> orgs.describeAccount(b -> b.accountId("111122223333")))
          .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
    } finally {
      AUTH.rejectWith(null);
    }
  }
}

package io.gatehouse.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.GatehouseAdminClient;
import io.gatehouse.server.testing.SharedDatabaseServers;
import io.gatehouse.server.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Two servers on one database: a user signs in and approves the device on one, the token works on
 * the other, and a membership removed or a sign-out made through one ends access on the other with
 * the very next call — the portal reads access from the database, no snapshot to wait for.
 */
class PortalAcrossServersTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void accessEndsOnTheOtherServerWithTheNextCall(String backend) throws Exception {
    AwsBasicCredentials root = SharedDatabaseServers.newRoot();
    Supplier<Database> shared = TestDatabases.shared(backend);
    GatehouseServer a = SharedDatabaseServers.start(dir, "a", root, shared);
    GatehouseServer b = SharedDatabaseServers.start(dir, "b", root, shared);
    try (OrganizationsClient orgs = client(OrganizationsClient.builder(), a, root);
        IdentitystoreClient ids = client(IdentitystoreClient.builder(), a, root);
        SsoAdminClient admin = client(SsoAdminClient.builder(), a, root);
        SsoOidcClient oidcOnA = client(SsoOidcClient.builder(), a, root);
        SsoClient ssoOnB = client(SsoClient.builder(), b, root);
        GatehouseAdminClient gatehouse = new GatehouseAdminClient(endpoint(a), root)) {
      String store = a.bootstrap().identityStoreId();
      String instance = a.bootstrap().instance().instanceArn();
      String account = orgs.createAccount(r -> r.accountName("prod").email("prod@example.com")).createAccountStatus().accountId();
      String group = ids.createGroup(r -> r.identityStoreId(store).displayName("Platform-Engineers")).groupId();
      String user = ids.createUser(r -> r.identityStoreId(store).userName("alice").displayName("Alice")
          .name(n -> n.givenName("Alice").familyName("Liddell"))).userId();
      String membership = ids.createGroupMembership(r -> r.identityStoreId(store).groupId(group).memberId(m -> m.userId(user)))
          .membershipId();
      String set = admin.createPermissionSet(r -> r.instanceArn(instance).name("Developer")).permissionSet().permissionSetArn();
      String request = admin.createAccountAssignment(r -> r.instanceArn(instance).permissionSetArn(set)
          .principalType(PrincipalType.GROUP).principalId(group).targetType("AWS_ACCOUNT").targetId(account))
          .accountAssignmentCreationStatus().requestId();
      Eventually.within(Duration.ofSeconds(20), Duration.ofMillis(25), () -> assertThat(admin
          .describeAccountAssignmentCreationStatus(r -> r.instanceArn(instance).accountAssignmentCreationRequestId(request))
          .accountAssignmentCreationStatus().status()).isEqualTo(StatusValues.SUCCEEDED));
      String password = gatehouse.call("ResetUserPassword", Map.of("IdentityStoreId", store, "UserId", user))
          .path("OneTimePassword").asText();

      RegisterClientResponse client = oidcOnA.registerClient(r -> r.clientName("cli").clientType("public"));
      StartDeviceAuthorizationResponse device = oidcOnA.startDeviceAuthorization(r -> r.clientId(client.clientId())
          .clientSecret(client.clientSecret()).startUrl(endpoint(a) + "/start"));
      PortalBrowser browser = new PortalBrowser(endpoint(a), Clock.systemUTC());
      browser.signIn(device.verificationUriComplete(), "alice", password, "Correct-horse-7");
      assertThat(browser.decide(device.verificationUriComplete(), true).body()).contains("Request approved");
      Thread.sleep(1100); // the poll interval
      String token = oidcOnA.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
          .grantType(Oidc.DEVICE_CODE_GRANT).deviceCode(device.deviceCode())).accessToken();

      // the reserved role reaches b's IAM snapshot within a poll; then b hands out its credentials
      Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(25), () -> assertThat(ssoOnB.getRoleCredentials(r -> r
          .accessToken(token).accountId(account).roleName("Developer")).roleCredentials().accessKeyId()).startsWith("ASIA"));

      ids.deleteGroupMembership(r -> r.identityStoreId(store).membershipId(membership));
      assertThatThrownBy(() -> ssoOnB.getRoleCredentials(r -> r.accessToken(token).accountId(account).roleName("Developer")))
          .isInstanceOf(ResourceNotFoundException.class);

      gatehouse.call("SignOutUser", Map.of("IdentityStoreId", store, "UserId", user));
      assertThatThrownBy(() -> ssoOnB.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
    } finally {
      b.stop();
      a.stop();
    }
  }

  private static URI endpoint(GatehouseServer server) {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, GatehouseServer server,
      AwsBasicCredentials root) {
    builder.endpointOverride(endpoint(server)).region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(root));
    builder.httpClientBuilder(ApacheHttpClient.builder());
    return builder.build();
  }
}

package io.gatehouse.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.IdentitystoreException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/** The harness itself: clients it configures reach the server as root, and its clock is the server's. */
class GatehouseTestServerTest {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  @AfterEach
  void realTime() {
    SERVER.clock().reset();
  }

  @Test
  void clientsOfEveryFeatureReachTheServerAsTheManagementRoot() {
    SsoAdminClient sso = SERVER.client(SsoAdminClient.builder());
    IdentitystoreClient ids = SERVER.client(IdentitystoreClient.builder());
    OrganizationsClient orgs = SERVER.client(OrganizationsClient.builder());

    assertThat(sso.listInstances(r -> {}).instances()).singleElement()
        .satisfies(i -> assertThat(i.identityStoreId()).isEqualTo(SERVER.identityStoreId()));
    assertThat(orgs.describeOrganization().organization().masterAccountId()).isEqualTo(SERVER.managementAccountId());
    String userId = ids.createUser(r -> r.identityStoreId(SERVER.identityStoreId()).userName("harness")
        .displayName("Harness").name(n -> n.givenName("Har").familyName("Ness"))).userId();
    assertThat(ids.describeUser(r -> r.identityStoreId(SERVER.identityStoreId()).userId(userId)).userName())
        .isEqualTo("harness");
    assertThat(SERVER.endpoint().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void theServersClockIsTheHarnessClock() {
    IdentitystoreClient ids = SERVER.client(IdentitystoreClient.builder());
    // The SDK signs with real time; 20 minutes later on the server's clock is outside SigV4's 15-minute window.
    SERVER.clock().advance(Duration.ofMinutes(20));
    assertThatThrownBy(() -> ids.listUsers(r -> r.identityStoreId(SERVER.identityStoreId())))
        .isInstanceOf(IdentitystoreException.class)
        .satisfies(e -> assertThat(((IdentitystoreException) e).awsErrorDetails().errorCode())
            .isEqualTo("InvalidSignatureException"));
    SERVER.clock().reset();
    assertThat(ids.listUsers(r -> r.identityStoreId(SERVER.identityStoreId())).sdkHttpResponse().isSuccessful()).isTrue();
  }
}

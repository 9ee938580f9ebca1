package io.gatehouse.server.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.InstanceStatus;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/** sso-admin ListInstances / DescribeInstance through the AWS SDK, run on each backend by a subclass. */
abstract class SsoAdminInstancesContract {
  abstract GatehouseTestServer server();

  @Test
  void listInstancesShowsTheOrganizationsInstanceAndItsIdentityStore() {
    SsoAdminClient sso = server().client(SsoAdminClient.builder());
    var instances = sso.listInstancesPaginator(r -> {}).instances().stream().toList();
    assertThat(instances).hasSize(1);
    InstanceMetadata instance = instances.get(0);
    assertThat(instance.instanceArn()).isEqualTo(server().instanceArn()).matches("arn:aws:sso:::instance/ssoins-[0-9a-f]{16}");
    assertThat(instance.identityStoreId()).isEqualTo(server().identityStoreId()).matches("d-[0-9a-f]{10}");
    assertThat(instance.ownerAccountId()).isEqualTo(server().managementAccountId()).matches("\\d{12}");
    assertThat(instance.status()).isEqualTo(InstanceStatus.ACTIVE);
    assertThat(instance.createdDate()).isBetween(Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(5));
  }

  @Test
  void describeInstanceAgreesWithTheList() {
    SsoAdminClient sso = server().client(SsoAdminClient.builder());
    DescribeInstanceResponse d = sso.describeInstance(r -> r.instanceArn(server().instanceArn()));
    assertThat(d.instanceArn()).isEqualTo(server().instanceArn());
    assertThat(d.identityStoreId()).isEqualTo(server().identityStoreId());
    assertThat(d.ownerAccountId()).isEqualTo(server().managementAccountId());
    assertThat(d.status()).isEqualTo(InstanceStatus.ACTIVE);
    assertThat(d.encryptionConfigurationDetails().keyTypeAsString()).isEqualTo("AWS_OWNED_KMS_KEY");
  }

  @Test
  void anUnknownInstanceIsNotFound() {
    SsoAdminClient sso = server().client(SsoAdminClient.builder());
    assertThatThrownBy(() -> sso.describeInstance(r -> r.instanceArn("arn:aws:sso:::instance/ssoins-0123456789abcdef")))
        .isInstanceOf(SsoAdminException.class)
        .satisfies(e -> {
          SsoAdminException ex = (SsoAdminException) e;
          assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
          assertThat(ex.statusCode()).isEqualTo(400);
        });
  }

  @Test
  void aMalformedArnFailsValidation() {
    SsoAdminClient sso = server().client(SsoAdminClient.builder());
    assertThatThrownBy(() -> sso.describeInstance(r -> r.instanceArn("not-an-arn")))
        .isInstanceOf(ValidationException.class);
  }
}

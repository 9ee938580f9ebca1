package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** The AWS SDK's signed calls through a running server: the root key works, anything else is refused. */
class SignedCallsEndToEndTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  @Test
  void theRootKeySignsCallsInAnyRegion() {
    for (Region region : new Region[] {Region.US_EAST_1, Region.AP_SOUTHEAST_2, Region.EU_WEST_3}) {
      try (OrganizationsClient organizations = client(server.rootCredentials(), region)) {
        assertThat(organizations.describeOrganization().organization().masterAccountId())
            .isEqualTo(server.managementAccountId());
      }
    }
  }

  @Test
  void anUnknownKeyAWrongSecretAndASessionTokenOnALongTermKeyAreRefused() {
    AwsBasicCredentials root = server.rootCredentials();

    assertThatThrownBy(() -> with(AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", root.secretAccessKey()))
            .describeOrganization())
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        });
    assertThatThrownBy(() -> with(AwsBasicCredentials.create(root.accessKeyId(), root.secretAccessKey() + "x"))
            .describeOrganization())
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
    assertThatThrownBy(() -> with(AwsSessionCredentials.create(root.accessKeyId(), root.secretAccessKey(), "token"))
            .describeOrganization())
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
  }

  private static OrganizationsClient with(AwsCredentials credentials) {
    return client(credentials, Region.US_EAST_1);
  }

  /** Like {@link GatehouseTestServer#client} but with the given credentials and region, and no retries. */
  private static OrganizationsClient client(AwsCredentials credentials, Region region) {
    return OrganizationsClient.builder()
        .endpointOverride(server.endpoint())
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(ApacheHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}

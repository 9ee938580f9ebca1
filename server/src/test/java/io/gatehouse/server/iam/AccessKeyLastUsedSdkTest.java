package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;

/**
 * GetAccessKeyLastUsed on a running server: a key that signs a request shows when, for which
 * service and region, without anyone flushing by hand (the server answering writes its own
 * recent uses first; the others' arrive with the periodic flush).
 */
class AccessKeyLastUsedSdkTest {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  @Test
  void aKeyThatSignedARequestShowsWhenWhereAndForWhichService() {
    IamClient iam = SERVER.client(IamClient.builder());
    String user = "last-used-" + UUID.randomUUID().toString().substring(0, 8);
    iam.createUser(b -> b.userName(user));
    iam.putUserPolicy(b -> b.userName(user).policyName("self").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}"""));
    AccessKey key = iam.createAccessKey(b -> b.userName(user)).accessKey();

    AccessKeyLastUsed never = iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId())).accessKeyLastUsed();
    assertThat(never.lastUsedDate()).isNull();
    assertThat(never.serviceName()).isEqualTo("N/A");
    assertThat(never.region()).isEqualTo("N/A");

    SERVER.clock().advance(Duration.ofMinutes(7));
    Instant used = SERVER.clock().instant();
    try (IamClient asUser = IamClient.builder().endpointOverride(SERVER.endpoint()).region(Region.US_EAST_1)
        .httpClientBuilder(ApacheHttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
        .build()) {
      assertThat(asUser.getUser().user().userName()).isEqualTo(user);
    }
    SERVER.clock().advance(Duration.ofMinutes(3));

    var answer = iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId()));
    assertThat(answer.userName()).isEqualTo(user);
    assertThat(answer.accessKeyLastUsed().lastUsedDate()).isCloseTo(used, within(1, ChronoUnit.SECONDS));
    assertThat(answer.accessKeyLastUsed().serviceName()).isEqualTo("iam");
    assertThat(answer.accessKeyLastUsed().region()).isEqualTo("us-east-1");
  }
}

package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Users, accounts and clients for the enforcement tests, each test with fresh names. */
final class EnforcementWorld implements AutoCloseable {
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

  private final GatehouseTestServer server;
  private final List<AutoCloseable> clients = new ArrayList<>();

  EnforcementWorld(GatehouseTestServer server) {
    this.server = server;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String allow(String actions) {
    return """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":%s,"Resource":"*"}]}""".formatted(actions);
  }

  static String deny(String actions) {
    return """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":%s,"Resource":"*"}]}""".formatted(actions);
  }

  /** Creates an IAM user with an access key in the account {@code admin} administers. */
  AwsBasicCredentials user(IamClient admin, String name) {
    admin.createUser(b -> b.userName(name));
    var key = admin.createAccessKey(b -> b.userName(name)).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  static AwsSessionCredentials session(Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  IamClient iam(AwsCredentials credentials) {
    return client(IamClient.builder(), credentials);
  }

  StsClient sts(AwsCredentials credentials) {
    return client(StsClient.builder(), credentials);
  }

  <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentials credentials) {
    return client(builder, credentials, Region.US_EAST_1);
  }

  <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentials credentials, Region region) {
    builder.endpointOverride(server.endpoint()).region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials));
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) sync.httpClientBuilder(ApacheHttpClient.builder());
    C client = builder.build();
    if (client instanceof AutoCloseable c) clients.add(c);
    return client;
  }

  /** The error of a call that must be denied: its status, code and message. */
  static AwsServiceException denied(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      assertThat(e.awsErrorDetails().errorCode()).as(e.toString()).startsWith("AccessDenied");
      return e;
    }
    throw new AssertionError("the call was allowed");
  }

  static String deniedMessage(Runnable call) {
    return denied(call).awsErrorDetails().errorMessage();
  }

  @Override
  public void close() {
    for (AutoCloseable c : clients) {
      try {
        c.close();
      } catch (Exception ignored) {
        // a client that fails to close cannot affect other tests
      }
    }
    clients.clear();
  }
}

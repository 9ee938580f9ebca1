package io.gatehouse.server.sts;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Accounts, roles and clients for STS's integration tests: member accounts are created through
 * Organizations, and administered through their OrganizationAccountAccessRole, which the
 * management account's root assumes, as on AWS.
 */
final class StsWorld implements AutoCloseable {
  static final String ALLOW_ALL = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

  private final GatehouseTestServer server;
  private final List<AutoCloseable> clients = new ArrayList<>();
  final OrganizationsClient orgs;

  StsWorld(GatehouseTestServer server) {
    this.server = server;
    this.orgs = server.client(OrganizationsClient.builder());
  }

  AwsCredentials root() {
    return server.rootCredentials();
  }

  String createAccount(String name) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    return orgs.createAccount(b -> b.accountName(unique).email(unique + "@example.com")).createAccountStatus().accountId();
  }

  /** Admin credentials in a member account: the management root assumes its OrganizationAccountAccessRole. */
  AwsSessionCredentials adminOf(String accountId) {
    return session(assume(root(), "arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole", "admin", b -> {}));
  }

  /** Creates a role; {@code inlinePolicy} may be null. Returns its ARN. */
  String createRole(AwsCredentials admin, String name, String trustPolicy, String inlinePolicy) {
    IamClient iam = iam(admin);
    String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trustPolicy)).role().arn();
    if (inlinePolicy != null) {
      iam.putRolePolicy(b -> b.roleName(name).policyName("inline").policyDocument(inlinePolicy));
    }
    return arn;
  }

  AssumeRoleResponse assume(AwsCredentials as, String roleArn, String sessionName, Consumer<AssumeRoleRequest.Builder> more) {
    return sts(as).assumeRole(b -> {
      b.roleArn(roleArn).roleSessionName(sessionName);
      more.accept(b);
    });
  }

  static AwsSessionCredentials session(AssumeRoleResponse response) {
    return session(response.credentials());
  }

  static AwsSessionCredentials session(Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  StsClient sts(AwsCredentials credentials) {
    return client(StsClient.builder(), credentials);
  }

  IamClient iam(AwsCredentials credentials) {
    return client(IamClient.builder(), credentials);
  }

  static String trusting(String principalArn) {
    return """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}]}"""
        .formatted(principalArn);
  }

  static String allowAssume(String roleArn) {
    return """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"%s"}]}"""
        .formatted(roleArn);
  }

  private <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentials credentials) {
    builder.endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials));
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) sync.httpClientBuilder(ApacheHttpClient.builder());
    C client = builder.build();
    if (client instanceof AutoCloseable c) clients.add(c);
    return client;
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

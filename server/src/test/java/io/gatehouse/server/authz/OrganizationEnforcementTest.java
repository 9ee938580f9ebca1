package io.gatehouse.server.authz;

import static io.gatehouse.server.authz.EnforcementWorld.allow;
import static io.gatehouse.server.authz.EnforcementWorld.deniedMessage;
import static io.gatehouse.server.authz.EnforcementWorld.session;
import static io.gatehouse.server.authz.EnforcementWorld.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Principals of member accounts (a role session of the account's admin role, and the account's
 * root user) under the organization's SCPs; the management account exempt; Organizations,
 * Identity Center and the identity store administered from the management account only; role
 * sessions bound by their role's policies and their session policies, as they are at each request.
 */
class OrganizationEnforcementTest {
  private static Path dir;
  private static Supplier<Database> database;
  private static GatehouseServer server;
  private static final AwsBasicCredentials ROOT = AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());

  private final List<AutoCloseable> clients = new ArrayList<>();
  private OrganizationsClient orgs;
  private String management;
  private String member;
  private AwsSessionCredentials memberAdmin;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("gatehouse-enforcement-");
    database = TestDatabases.shared("h2");
    ServerConfig config = ServerConfig.load(Map.of("port", "0", "data-dir", dir.toString(), "change-poll-interval", "50ms",
        "shutdown-grace", "1s", "root-access-key-id", ROOT.accessKeyId(), "root-secret-access-key", ROOT.secretAccessKey()),
        Map.of());
    server = new GatehouseServer(config, Clock.systemUTC(), database).start();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  @BeforeEach
  void aMemberAccount() {
    orgs = client(OrganizationsClient.builder(), ROOT);
    management = server.bootstrap().managementAccountId();
    String name = unique("member");
    member = orgs.createAccount(b -> b.accountName(name).email(name + "@example.com")).createAccountStatus().accountId();
    memberAdmin = assume(ROOT, "arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole", null);
  }

  @AfterEach
  void closeClients() {
    for (AutoCloseable c : clients) {
      try {
        c.close();
      } catch (Exception ignored) {
        // a client that fails to close cannot affect other tests
      }
    }
    clients.clear();
  }

  private <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentials credentials) {
    builder.endpointOverride(URI.create("http://127.0.0.1:" + server.port())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials));
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) sync.httpClientBuilder(ApacheHttpClient.builder());
    C client = builder.build();
    if (client instanceof AutoCloseable c) clients.add(c);
    return client;
  }

  private AwsSessionCredentials assume(AwsCredentials as, String roleArn, String sessionPolicy, String... policyArns) {
    return session(client(StsClient.builder(), as).assumeRole(b -> {
      b.roleArn(roleArn).roleSessionName("ses");
      if (sessionPolicy != null) b.policy(sessionPolicy);
      if (policyArns.length > 0) b.policyArns(java.util.Arrays.stream(policyArns).map(a ->
          software.amazon.awssdk.services.sts.model.PolicyDescriptorType.builder().arn(a).build()).toList());
    }).credentials());
  }

  /** The member account's root user, with a key stored as an operator would (this server follows the change log). */
  private AwsBasicCredentials memberRoot() throws Exception {
    AwsBasicCredentials key = AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());
    try (Database db = database.get()) {
      new AccessKeys(db, Keyring.loadOrCreate(dir.resolve("keyring")), Clock.systemUTC())
          .ensureRootKey(member, key.accessKeyId(), key.secretAccessKey());
    }
    StsClient sts = client(StsClient.builder(), key);
    Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(50), () ->
        assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + member + ":root"));
    return key;
  }

  /** An SCP denying {@code actions}, attached to a new OU that the member account moves into. Returns the policy's ARN. */
  private String denyInMembersOu(String actions) {
    String rootId = orgs.listRoots().roots().getFirst().id();
    String ou = orgs.createOrganizationalUnit(b -> b.parentId(rootId).name(unique("ou"))).organizationalUnit().id();
    orgs.moveAccount(b -> b.accountId(member).sourceParentId(rootId).destinationParentId(ou));
    var policy = orgs.createPolicy(b -> b.name(unique("deny")).description("deny").type(PolicyType.SERVICE_CONTROL_POLICY)
        .content(EnforcementWorld.deny(actions))).policy().policySummary();
    orgs.attachPolicy(b -> b.policyId(policy.id()).targetId(ou));
    return policy.arn();
  }

  @Test
  void anScpOnTheCallersOuDeniesTheMemberAccountsPrincipalsAndItsRoot() throws Exception {
    IamClient admin = client(IamClient.builder(), memberAdmin);
    AwsBasicCredentials root = memberRoot();
    IamClient rootIam = client(IamClient.builder(), root);
    assertThat(admin.listRoles().roles()).isNotEmpty();
    assertThat(rootIam.listRoles().roles()).isNotEmpty();

    String scp = denyInMembersOu("\"iam:ListRoles\"");
    // the next request already sees the SCP
    assertThat(deniedMessage(admin::listRoles)).isEqualTo("User: arn:aws:sts::" + member
        + ":assumed-role/OrganizationAccountAccessRole/ses is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::"
        + member + ":role/ with an explicit deny in a service control policy: " + scp);
    assertThat(deniedMessage(rootIam::listRoles)).isEqualTo("User: arn:aws:iam::" + member
        + ":root is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + member
        + ":role/ with an explicit deny in a service control policy: " + scp);
    assertThat(admin.listUsers().users()).isNotNull();

    // Detaching FullAWSAccess from the OU leaves nothing allowed there: an implicit deny by the SCPs.
    String ou = orgs.listParents(b -> b.childId(member)).parents().getFirst().id();
    orgs.detachPolicy(b -> b.policyId("p-FullAWSAccess").targetId(ou));
    assertThat(deniedMessage(admin::listUsers)).endsWith(
        "iam:ListUsers on resource: arn:aws:iam::" + member + ":user/ because no service control policy allows the iam:ListUsers action");
  }

  @Test
  void theManagementAccountIsNeverRestrictedBySCPs() {
    String rootId = orgs.listRoots().roots().getFirst().id();
    var policy = orgs.createPolicy(b -> b.name(unique("deny-all")).description("deny").type(PolicyType.SERVICE_CONTROL_POLICY)
        .content(EnforcementWorld.deny("\"iam:*\""))).policy().policySummary();
    orgs.attachPolicy(b -> b.policyId(policy.id()).targetId(rootId));
    try {
      IamClient managementRoot = client(IamClient.builder(), ROOT);
      assertThat(managementRoot.listRoles().roles()).isNotNull();
      IamClient admin = client(IamClient.builder(), memberAdmin);
      assertThat(deniedMessage(admin::listRoles)).contains("with an explicit deny in a service control policy: " + policy.arn());
    } finally {
      orgs.detachPolicy(b -> b.policyId(policy.id()).targetId(rootId));
    }
  }

  @Test
  void organizationsIdentityCenterAndTheIdentityStoreAreForTheManagementAccount() throws Exception {
    OrganizationsClient memberOrgs = client(OrganizationsClient.builder(), memberAdmin);
    assertThat(memberOrgs.describeOrganization().organization().masterAccountId()).isEqualTo(management);
    AwsServiceException e = EnforcementWorld.denied(memberOrgs::listAccounts);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("You don't have permissions to access this resource.");
    OrganizationsClient rootOrgs = client(OrganizationsClient.builder(), memberRoot());
    assertThat(EnforcementWorld.denied(rootOrgs::listAccounts).awsErrorDetails().errorMessage())
        .isEqualTo("You don't have permissions to access this resource.");

    IdentitystoreClient ids = client(IdentitystoreClient.builder(), memberAdmin);
    String store = server.bootstrap().identityStoreId();
    assertThat(deniedMessage(() -> ids.listUsers(b -> b.identityStoreId(store)))).isEqualTo("User: arn:aws:sts::" + member
        + ":assumed-role/OrganizationAccountAccessRole/ses is not authorized to perform: identitystore:ListUsers on resource:"
        + " arn:aws:identitystore:::user/* because no resource-based policy allows the identitystore:ListUsers action");
    String instance = server.bootstrap().instance().instanceArn();
    SsoAdminClient sso = client(SsoAdminClient.builder(), memberAdmin);
    assertThat(deniedMessage(() -> sso.listPermissionSets(b -> b.instanceArn(instance)))).isEqualTo("User: arn:aws:sts::"
        + member + ":assumed-role/OrganizationAccountAccessRole/ses is not authorized to perform: sso:ListPermissionSets on"
        + " resource: " + instance + " because no resource-based policy allows the sso:ListPermissionSets action");
    assertThat(client(SsoAdminClient.builder(), ROOT).listPermissionSets(b -> b.instanceArn(instance)).permissionSets()).isNotNull();
    // the management account's own principals administer them
    assertThat(client(IdentitystoreClient.builder(), ROOT).listUsers(b -> b.identityStoreId(store)).users()).isNotNull();
    assertThat(orgs.listAccounts().accounts()).extracting(a -> a.id()).contains(member);
  }

  @Test
  void aRoleSessionFollowsItsRolesPoliciesAtEachRequest() {
    IamClient rootIam = client(IamClient.builder(), ROOT);
    String role = unique("reader");
    String roleArn = rootIam.createRole(b -> b.roleName(role).assumeRolePolicyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole"}]}"""
        .formatted(management))).role().arn();
    rootIam.putRolePolicy(b -> b.roleName(role).policyName("list").policyDocument(allow("[\"iam:ListRoles\",\"iam:ListUsers\"]")));
    IamClient session = client(IamClient.builder(), assume(ROOT, roleArn, null));
    assertThat(session.listRoles().roles()).isNotEmpty();
    rootIam.deleteRolePolicy(b -> b.roleName(role).policyName("list"));
    assertThat(deniedMessage(session::listRoles)).isEqualTo("User: arn:aws:sts::" + management + ":assumed-role/" + role
        + "/ses is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + management
        + ":role/ because no identity-based policy allows the iam:ListRoles action");
  }

  @Test
  void sessionPoliciesNarrowTheSessionsLaterCalls() {
    IamClient rootIam = client(IamClient.builder(), ROOT);
    String role = unique("admin");
    String roleArn = rootIam.createRole(b -> b.roleName(role).assumeRolePolicyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole"}]}"""
        .formatted(management))).role().arn();
    rootIam.attachRolePolicy(b -> b.roleName(role).policyArn(EnforcementWorld.ADMIN));

    IamClient inline = client(IamClient.builder(), assume(ROOT, roleArn, allow("\"iam:ListRoles\"")));
    assertThat(inline.listRoles().roles()).isNotEmpty();
    assertThat(deniedMessage(inline::listUsers)).isEqualTo("User: arn:aws:sts::" + management + ":assumed-role/" + role
        + "/ses is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::" + management
        + ":user/ because no session policy allows the iam:ListUsers action");

    // a managed session policy: the role's own AdministratorAccess narrowed by a customer policy that denies ListRoles
    String denyRoles = rootIam.createPolicy(b -> b.policyName(unique("deny-roles")).policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"},
         {"Effect":"Deny","Action":"iam:ListRoles","Resource":"*"}]}""")).policy().arn();
    IamClient managed = client(IamClient.builder(), assume(ROOT, roleArn, null, denyRoles));
    assertThat(managed.listUsers().users()).isNotNull();
    assertThat(deniedMessage(managed::listRoles)).endsWith(
        "iam:ListRoles on resource: arn:aws:iam::" + management + ":role/ with an explicit deny in a session policy: " + denyRoles);
  }
}

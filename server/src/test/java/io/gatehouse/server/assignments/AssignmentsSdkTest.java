package io.gatehouse.server.assignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.UnmodifiableEntityException;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSetProvisioningStatus;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisionTargetType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisioningStatus;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Account assignments through the AWS SDK, end to end: the management account's root assigns
 * identity-store principals to member accounts, and the member accounts' administrators (through
 * OrganizationAccountAccessRole) see the reserved roles appear, change and go.
 */
abstract class AssignmentsSdkTest {
  static final String RESERVED_PATH = "/aws-reserved/sso.amazonaws.com/";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String SECURITY_AUDIT = "arn:aws:iam::aws:policy/SecurityAudit";
  static final String INLINE = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""";

  static final String TRUST_ROOT = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},\
      "Action":"sts:AssumeRole"}]}""";

  abstract GatehouseTestServer server();

  private final List<AutoCloseable> clients = new ArrayList<>();
  private SsoAdminClient sso;
  private IdentitystoreClient ids;
  private OrganizationsClient orgs;
  private String instance;

  @BeforeEach
  void clients() {
    sso = server().client(SsoAdminClient.builder());
    ids = server().client(IdentitystoreClient.builder());
    orgs = server().client(OrganizationsClient.builder());
    instance = server().instanceArn();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : clients) c.close();
    clients.clear();
  }

  @Test
  void aGroupAssignmentProvisionsTheRoleAndItsDeletionRemovesIt() throws Exception {
    String account = createAccount("dev");
    String group = createGroup("Platform-Engineers");
    String set = createPermissionSet("Developer", "PT2H");
    sso.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set).managedPolicyArn(READ_ONLY));
    sso.putInlinePolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set).inlinePolicy(INLINE));
    sso.putPermissionsBoundaryToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
        .permissionsBoundary(p -> p.managedPolicyArn(SECURITY_AUDIT)));

    AccountAssignmentOperationStatus created = assign(set, PrincipalType.GROUP, group, account);
    assertThat(created.status()).isEqualTo(StatusValues.IN_PROGRESS);
    assertThat(created.requestId()).matches("[0-9a-f-]{36}");
    assertThat(created.targetId()).isEqualTo(account);
    assertThat(created.createdDate()).isNotNull();
    AccountAssignmentOperationStatus done = awaitCreation(created.requestId());
    assertThat(done.status()).isEqualTo(StatusValues.SUCCEEDED);
    assertThat(done.failureReason()).isNull();

    IamClient admin = iamAdminOf(account);
    Role role = single(reservedRoles(admin));
    assertThat(role.roleName()).matches("AWSReservedSSO_Developer_[0-9a-f]{16}");
    assertThat(role.path()).isEqualTo(RESERVED_PATH);
    Role described = admin.getRole(b -> b.roleName(role.roleName())).role();
    assertThat(described.maxSessionDuration()).isEqualTo(7200);
    assertThat(described.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(SECURITY_AUDIT);
    assertThat(java.net.URLDecoder.decode(described.assumeRolePolicyDocument(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"Federated\":\"arn:aws:iam::" + account + ":saml-provider/AWSSSO_", "_DO_NOT_DELETE\"",
            "sts:AssumeRoleWithSAML", "sts:TagSession", "https://signin.aws.amazon.com/saml");
    assertThat(attached(admin, role)).containsExactly(READ_ONLY);
    assertThat(admin.listRolePolicies(b -> b.roleName(role.roleName())).policyNames()).containsExactly("AwsSSOInlinePolicy");

    var listed = sso.listAccountAssignments(b -> b.instanceArn(instance).accountId(account).permissionSetArn(set));
    assertThat(listed.accountAssignments()).singleElement().satisfies(a -> {
      assertThat(a.principalType()).isEqualTo(PrincipalType.GROUP);
      assertThat(a.principalId()).isEqualTo(group);
    });
    assertThat(sso.listAccountAssignmentsForPrincipal(b -> b.instanceArn(instance).principalId(group)
        .principalType(PrincipalType.GROUP)).accountAssignments())
        .singleElement().satisfies(a -> assertThat(a.accountId()).isEqualTo(account));
    assertThat(sso.listPermissionSetsProvisionedToAccount(b -> b.instanceArn(instance).accountId(account))
        .permissionSets()).containsExactly(set);

    AccountAssignmentOperationStatus deleting = sso.deleteAccountAssignment(b -> b.instanceArn(instance)
        .permissionSetArn(set).principalType(PrincipalType.GROUP).principalId(group).targetId(account)
        .targetType(TargetType.AWS_ACCOUNT)).accountAssignmentDeletionStatus();
    assertThat(awaitDeletion(deleting.requestId()).status()).isEqualTo(StatusValues.SUCCEEDED);
    assertThat(reservedRoles(admin)).isEmpty();
    assertThat(sso.listAccountAssignments(b -> b.instanceArn(instance).accountId(account).permissionSetArn(set))
        .accountAssignments()).isEmpty();
    assertThat(sso.listAccountAssignmentCreationStatus(b -> b.instanceArn(instance)).accountAssignmentsCreationStatus())
        .anySatisfy(s -> assertThat(s.requestId()).isEqualTo(created.requestId()));
    assertThat(sso.listAccountAssignmentDeletionStatus(b -> b.instanceArn(instance)
        .filter(f -> f.status(StatusValues.SUCCEEDED))).accountAssignmentsDeletionStatus())
        .anySatisfy(s -> assertThat(s.requestId()).isEqualTo(deleting.requestId()));
  }

  @Test
  void principalsOfOneSetShareItsRoleAndEachSetHasItsOwn() throws Exception {
    String account = createAccount("shared");
    String group = createGroup("Security-Audit");
    String user = createUser("alice");
    String readOnly = createPermissionSet("ReadOnly", "PT1H");
    String audit = createPermissionSet("SecurityAudit", "PT1H");
    sso.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(readOnly).managedPolicyArn(READ_ONLY));
    sso.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(audit).managedPolicyArn(SECURITY_AUDIT));

    for (var r : List.of(assign(readOnly, PrincipalType.GROUP, group, account), assign(readOnly, PrincipalType.USER, user, account),
        assign(audit, PrincipalType.GROUP, group, account))) {
      assertThat(awaitCreation(r.requestId()).status()).isEqualTo(StatusValues.SUCCEEDED);
    }
    IamClient admin = iamAdminOf(account);
    assertThat(reservedRoles(admin)).extracting(Role::roleName).hasSize(2)
        .anySatisfy(n -> assertThat(n).startsWith("AWSReservedSSO_ReadOnly_"))
        .anySatisfy(n -> assertThat(n).startsWith("AWSReservedSSO_SecurityAudit_"));

    // Removing one of the two principals keeps the shared role; removing the last removes it.
    awaitDeletion(unassign(readOnly, PrincipalType.USER, user, account).requestId());
    assertThat(reservedRoles(admin)).hasSize(2);
    awaitDeletion(unassign(readOnly, PrincipalType.GROUP, group, account).requestId());
    assertThat(reservedRoles(admin)).extracting(Role::roleName).singleElement()
        .satisfies(n -> assertThat(n).startsWith("AWSReservedSSO_SecurityAudit_"));
  }

  @Test
  void aChangedSetIsOutOfDateUntilProvisioned() throws Exception {
    String first = createAccount("stale-a");
    String second = createAccount("stale-b");
    String group = createGroup("Readers");
    String set = createPermissionSet("Auditor", "PT1H");
    sso.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set).managedPolicyArn(READ_ONLY));
    awaitCreation(assign(set, PrincipalType.GROUP, group, first).requestId());
    awaitCreation(assign(set, PrincipalType.GROUP, group, second).requestId());
    assertThat(accounts(set, ProvisioningStatus.LATEST_PERMISSION_SET_PROVISIONED)).containsExactlyInAnyOrder(first, second);
    assertThat(accounts(set, ProvisioningStatus.LATEST_PERMISSION_SET_NOT_PROVISIONED)).isEmpty();

    sso.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set).managedPolicyArn(SECURITY_AUDIT));
    assertThat(accounts(set, ProvisioningStatus.LATEST_PERMISSION_SET_NOT_PROVISIONED)).containsExactlyInAnyOrder(first, second);
    assertThat(sso.listPermissionSetsProvisionedToAccount(b -> b.instanceArn(instance).accountId(first)
        .provisioningStatus(ProvisioningStatus.LATEST_PERMISSION_SET_NOT_PROVISIONED)).permissionSets()).containsExactly(set);
    IamClient admin = iamAdminOf(first);
    assertThat(attached(admin, single(reservedRoles(admin)))).containsExactly(READ_ONLY);

    // One account first, then all of them.
    PermissionSetProvisioningStatus one = sso.provisionPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
        .targetType(ProvisionTargetType.AWS_ACCOUNT).targetId(first)).permissionSetProvisioningStatus();
    assertThat(one.accountId()).isEqualTo(first);
    assertThat(awaitProvisioning(one.requestId()).status()).isEqualTo(StatusValues.SUCCEEDED);
    assertThat(accounts(set, ProvisioningStatus.LATEST_PERMISSION_SET_PROVISIONED)).containsExactly(first);
    assertThat(attached(admin, single(reservedRoles(admin)))).containsExactlyInAnyOrder(READ_ONLY, SECURITY_AUDIT);

    PermissionSetProvisioningStatus all = sso.provisionPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
        .targetType(ProvisionTargetType.ALL_PROVISIONED_ACCOUNTS)).permissionSetProvisioningStatus();
    assertThat(awaitProvisioning(all.requestId()).status()).isEqualTo(StatusValues.SUCCEEDED);
    assertThat(accounts(set, ProvisioningStatus.LATEST_PERMISSION_SET_NOT_PROVISIONED)).isEmpty();
    assertThat(sso.listPermissionSetProvisioningStatus(b -> b.instanceArn(instance)).permissionSetsProvisioningStatus())
        .extracting(s -> s.requestId()).contains(one.requestId(), all.requestId());
  }

  @Test
  void aMissingCustomerManagedPolicyFailsTheAssignmentWithAwsReason() throws Exception {
    String account = createAccount("cmp");
    String group = createGroup("Deployers");
    String set = createPermissionSet("Deployer", "PT1H");
    sso.attachCustomerManagedPolicyReferenceToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
        .customerManagedPolicyReference(r -> r.name("DeployPolicy").path("/team/")));

    AccountAssignmentOperationStatus failed = awaitCreation(assign(set, PrincipalType.GROUP, group, account).requestId());
    assertThat(failed.status()).isEqualTo(StatusValues.FAILED);
    assertThat(failed.failureReason()).isEqualTo("Received a 404 status error: Policy arn:aws:iam::" + account
        + ":policy/team/DeployPolicy does not exist or is not attachable.");
    IamClient admin = iamAdminOf(account);
    assertThat(reservedRoles(admin)).isEmpty();
    assertThat(sso.listAccountAssignments(b -> b.instanceArn(instance).accountId(account).permissionSetArn(set))
        .accountAssignments()).isEmpty();

    // Once the account has the policy, the same assignment succeeds and the role uses the account's policy.
    admin.createPolicy(b -> b.policyName("DeployPolicy").path("/team/").policyDocument(INLINE));
    assertThat(awaitCreation(assign(set, PrincipalType.GROUP, group, account).requestId()).status())
        .isEqualTo(StatusValues.SUCCEEDED);
    assertThat(attached(admin, single(reservedRoles(admin))))
        .containsExactly("arn:aws:iam::" + account + ":policy/team/DeployPolicy");
  }

  @Test
  void unknownPrincipalsFailAndUnknownSetsAreRefused() throws Exception {
    String account = createAccount("unknown");
    String set = createPermissionSet("Nobody", "PT1H");
    String ghost = UUID.randomUUID().toString();
    AccountAssignmentOperationStatus failed = awaitCreation(assign(set, PrincipalType.USER, ghost, account).requestId());
    assertThat(failed.status()).isEqualTo(StatusValues.FAILED);
    assertThat(failed.failureReason()).isEqualTo("Received a 404 status error: the USER assignee " + ghost
        + " was not found in directory " + server().identityStoreId());

    String group = createGroup("Orphans");
    AccountAssignmentOperationStatus noAccount = awaitCreation(assign(set, PrincipalType.GROUP, group, "999999999999")
        .requestId());
    assertThat(noAccount.status()).isEqualTo(StatusValues.FAILED);
    assertThat(noAccount.failureReason()).contains("999999999999");

    String missingSet = set.substring(0, set.lastIndexOf("/ps-") + 4) + "0123456789abcdef";
    assertThatThrownBy(() -> assign(missingSet, PrincipalType.GROUP, group, account))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sso.describeAccountAssignmentCreationStatus(b -> b.instanceArn(instance)
        .accountAssignmentCreationRequestId(UUID.randomUUID().toString())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> unassign(set, PrincipalType.GROUP, group, account))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void accountAdministratorsCannotChangeReservedRolesAndAssignedSetsCannotBeDeleted() throws Exception {
    String account = createAccount("protected");
    String group = createGroup("Operators");
    String set = createPermissionSet("Operator", "PT1H");
    sso.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set).managedPolicyArn(READ_ONLY));
    awaitCreation(assign(set, PrincipalType.GROUP, group, account).requestId());
    IamClient admin = iamAdminOf(account);
    String name = single(reservedRoles(admin)).roleName();

    List<Runnable> changes = List.of(
        () -> admin.deleteRole(b -> b.roleName(name)),
        () -> admin.updateRole(b -> b.roleName(name).maxSessionDuration(43200)),
        () -> admin.attachRolePolicy(b -> b.roleName(name).policyArn(SECURITY_AUDIT)),
        () -> admin.detachRolePolicy(b -> b.roleName(name).policyArn(READ_ONLY)),
        () -> admin.putRolePolicy(b -> b.roleName(name).policyName("x").policyDocument(INLINE)),
        () -> admin.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(TRUST_ROOT.formatted(account))),
        () -> admin.putRolePermissionsBoundary(b -> b.roleName(name).permissionsBoundary(READ_ONLY)));
    for (Runnable change : changes) {
      assertThatThrownBy(change::run).isInstanceOf(UnmodifiableEntityException.class)
          .hasMessageContaining("Cannot perform the operation on the protected role '" + name
              + "' - this role is only modifiable by AWS");
    }
    assertThat(attached(admin, single(reservedRoles(admin)))).containsExactly(READ_ONLY);

    assertThatThrownBy(() -> sso.deletePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)))
        .isInstanceOf(ConflictException.class);
    awaitDeletion(unassign(set, PrincipalType.GROUP, group, account).requestId());
    sso.deletePermissionSet(b -> b.instanceArn(instance).permissionSetArn(set));
  }

  // ---- helpers

  private AccountAssignmentOperationStatus assign(String set, PrincipalType type, String principal, String account) {
    return sso.createAccountAssignment(b -> b.instanceArn(instance).permissionSetArn(set).principalType(type)
        .principalId(principal).targetId(account).targetType(TargetType.AWS_ACCOUNT)).accountAssignmentCreationStatus();
  }

  private AccountAssignmentOperationStatus unassign(String set, PrincipalType type, String principal, String account) {
    return sso.deleteAccountAssignment(b -> b.instanceArn(instance).permissionSetArn(set).principalType(type)
        .principalId(principal).targetId(account).targetType(TargetType.AWS_ACCOUNT)).accountAssignmentDeletionStatus();
  }

  private AccountAssignmentOperationStatus awaitCreation(String requestId) throws Exception {
    return await(() -> sso.describeAccountAssignmentCreationStatus(b -> b.instanceArn(instance)
        .accountAssignmentCreationRequestId(requestId)).accountAssignmentCreationStatus(), s -> s.status());
  }

  private AccountAssignmentOperationStatus awaitDeletion(String requestId) throws Exception {
    return await(() -> sso.describeAccountAssignmentDeletionStatus(b -> b.instanceArn(instance)
        .accountAssignmentDeletionRequestId(requestId)).accountAssignmentDeletionStatus(), s -> s.status());
  }

  private PermissionSetProvisioningStatus awaitProvisioning(String requestId) throws Exception {
    return await(() -> sso.describePermissionSetProvisioningStatus(b -> b.instanceArn(instance)
        .provisionPermissionSetRequestId(requestId)).permissionSetProvisioningStatus(), s -> s.status());
  }

  private static <T> T await(Supplier<T> read, java.util.function.Function<T, StatusValues> status) throws Exception {
    List<T> last = new ArrayList<>(List.of());
    Eventually.within(Duration.ofSeconds(20), Duration.ofMillis(20), () -> {
      T now = read.get();
      assertThat(status.apply(now)).isNotEqualTo(StatusValues.IN_PROGRESS);
      last.add(now);
    });
    return last.getLast();
  }

  private List<String> accounts(String set, ProvisioningStatus filter) {
    return sso.listAccountsForProvisionedPermissionSet(b -> b.instanceArn(instance).permissionSetArn(set)
        .provisioningStatus(filter)).accountIds();
  }

  private String createAccount(String name) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    return orgs.createAccount(b -> b.accountName(unique).email(unique + "@example.com")).createAccountStatus().accountId();
  }

  private String createGroup(String name) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    return ids.createGroup(b -> b.identityStoreId(server().identityStoreId()).displayName(unique)).groupId();
  }

  private String createUser(String name) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    return ids.createUser(b -> b.identityStoreId(server().identityStoreId()).userName(unique).displayName(name)
        .name(n -> n.givenName(name).familyName("Test"))).userId();
  }

  private String createPermissionSet(String name, String duration) {
    return sso.createPermissionSet(b -> b.instanceArn(instance).name(name).sessionDuration(duration))
        .permissionSet().permissionSetArn();
  }

  /** IAM of a member account as its administrator: the management root assumes OrganizationAccountAccessRole. */
  private IamClient iamAdminOf(String account) {
    StsClient sts = client(StsClient.builder(), server().rootCredentials());
    var c = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
        .roleSessionName("admin")).credentials();
    return client(IamClient.builder(), AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }

  private static List<Role> reservedRoles(IamClient admin) {
    return admin.listRoles(b -> b.pathPrefix(RESERVED_PATH)).roles();
  }

  private static List<String> attached(IamClient admin, Role role) {
    return admin.listAttachedRolePolicies(b -> b.roleName(role.roleName())).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn).toList();
  }

  private static Role single(List<Role> roles) {
    assertThat(roles).hasSize(1);
    return roles.getFirst();
  }

  private <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentials credentials) {
    builder.endpointOverride(server().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials));
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) sync.httpClientBuilder(ApacheHttpClient.builder());
    C client = builder.build();
    if (client instanceof AutoCloseable c) clients.add(c);
    return client;
  }
}

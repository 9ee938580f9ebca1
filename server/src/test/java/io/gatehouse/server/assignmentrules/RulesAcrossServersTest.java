package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.testing.GatehouseAdminClient;
import io.gatehouse.server.testing.SharedDatabaseServers;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;

/**
 * Two servers on one database: a rule made through one follows organization changes made through
 * the other (in the other's transaction, or by the change feed for tags), each assignment is made
 * once, and it is provisioned.
 */
class RulesAcrossServersTest {
  @TempDir Path dir;

  private ServerConfig config(String name, AwsBasicCredentials root) {
    return SharedDatabaseServers.config(dir, name, root, "50ms");
  }

  private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder,
      GatehouseServer server, AwsBasicCredentials root) {
    return builder.endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(root))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aRuleMadeOnOneServerFollowsChangesMadeOnTheOther(String backend) throws Exception {
    Supplier<Database> shared = TestDatabases.shared(backend);
    AwsBasicCredentials root = SharedDatabaseServers.newRoot();
    GatehouseServer a = new GatehouseServer(config("a", root), Clock.systemUTC(), shared).start();
    GatehouseServer b = new GatehouseServer(config("b", root), Clock.systemUTC(), shared).start();
    String instance = a.bootstrap().instance().instanceArn();
    try (OrganizationsClient orgsB = client(OrganizationsClient.builder(), b, root);
        SsoAdminClient ssoA = client(SsoAdminClient.builder(), a, root);
        IdentitystoreClient idsA = client(IdentitystoreClient.builder(), a, root);
        GatehouseAdminClient adminA = new GatehouseAdminClient(URI.create("http://127.0.0.1:" + a.port()), root)) {
      String rootId = orgsB.listRoots().roots().getFirst().id();
      String prod = orgsB.createOrganizationalUnit(r -> r.parentId(rootId).name("Production")).organizationalUnit().id();
      String group = idsA.createGroup(r -> r.identityStoreId(a.bootstrap().identityStoreId()).displayName("Ops")).groupId();
      String ps = ssoA.createPermissionSet(r -> r.instanceArn(instance).name("Operator")).permissionSet().permissionSetArn();
      String ouRule = adminA.call("CreateAssignmentRule", Map.of("InstanceArn", instance, "PermissionSetArn", ps,
          "PrincipalType", "GROUP", "PrincipalId", group, "Scope", Map.of("OrganizationalUnitId", prod)))
          .at("/AssignmentRule/AssignmentRuleId").asText();
      String tagRule = adminA.call("CreateAssignmentRule", Map.of("InstanceArn", instance, "PermissionSetArn", ps,
          "PrincipalType", "GROUP", "PrincipalId", group,
          "Scope", Map.of("AccountTag", Map.of("Key", "oncall", "Value", "yes"))))
          .at("/AssignmentRule/AssignmentRuleId").asText();

      // Through server B: an account moved into the OU (B's MoveAccount transaction expands A's rule) ...
      String moved = orgsB.createAccount(r -> r.accountName("moved").email("moved@example.com")).createAccountStatus().accountId();
      orgsB.moveAccount(r -> r.accountId(moved).sourceParentId(rootId).destinationParentId(prod));
      assertThat(ruleAccounts(adminA, instance, ouRule)).containsExactly(moved);
      // ... and an account tagged later: both servers' change feeds expand; the lock lets only one make it.
      String tagged = orgsB.createAccount(r -> r.accountName("tagged").email("tagged@example.com")).createAccountStatus().accountId();
      orgsB.tagResource(r -> r.resourceId(tagged).tags(Tag.builder().key("oncall").value("yes").build()));

      Eventually.within(Duration.ofSeconds(20), Duration.ofMillis(50), () -> {
        assertThat(ruleAccounts(adminA, instance, tagRule)).containsExactly(tagged);
        assertThat(ssoA.listPermissionSetsProvisionedToAccount(r -> r.instanceArn(instance).accountId(moved)).permissionSets())
            .containsExactly(ps);
        assertThat(ssoA.listPermissionSetsProvisionedToAccount(r -> r.instanceArn(instance).accountId(tagged)).permissionSets())
            .containsExactly(ps);
      });
      for (String account : List.of(moved, tagged)) {
        assertThat(ssoA.listAccountAssignments(r -> r.instanceArn(instance).accountId(account).permissionSetArn(ps))
            .accountAssignments()).extracting(AccountAssignment::principalId).containsExactly(group);
      }
    } finally {
      a.stop();
      b.stop();
    }
  }

  private static List<String> ruleAccounts(GatehouseAdminClient admin, String instance, String ruleId) {
    return admin.call("ListAssignmentsForRule", Map.of("InstanceArn", instance, "AssignmentRuleId", ruleId))
        .get("Assignments").findValuesAsText("AccountId");
  }
}

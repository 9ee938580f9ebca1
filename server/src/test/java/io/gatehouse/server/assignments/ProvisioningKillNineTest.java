package io.gatehouse.server.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.core.Ids;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

/**
 * Crash safety of provisioning: assignments are requested from several threads against a server in
 * its own JVM (embedded H2) while its worker provisions them; the server is killed with SIGKILL in
 * the middle. Right after the crash the database must hold no role without an assignment and no
 * active assignment without its role, every acknowledged request must be there (done or visibly
 * IN_PROGRESS), and after a restart the worker resumes until every request has succeeded.
 */
class ProvisioningKillNineTest {
  private static final int THREADS = 6;
  private static final int ACCOUNTS = 30;
  private static final int GROUPS = 40;
  private static final int KILL_AFTER_ACKS = 800;

  private final AwsBasicCredentials root = AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());
  private final Map<String, String> env = Map.of(
      "GATEHOUSE_ROOT_ACCESS_KEY_ID", root.accessKeyId(),
      "GATEHOUSE_ROOT_SECRET_ACCESS_KEY", root.secretAccessKey());

  @Test
  void killNineMidProvisioningLeavesEveryAssignmentProvisionedOrInProgressAndRestartResumes(@TempDir Path dataDir)
      throws Exception {
    Set<String> acked = ConcurrentHashMap.newKeySet();
    try (ServerProcess server = ServerProcess.start(dataDir, List.of(), env)) {
      URI endpoint = server.awaitReady(Duration.ofSeconds(120));
      try (SsoAdminClient sso = client(SsoAdminClient.builder(), endpoint);
          IdentitystoreClient ids = client(IdentitystoreClient.builder(), endpoint);
          OrganizationsClient orgs = client(OrganizationsClient.builder(), endpoint)) {
        var instance = sso.listInstances(r -> {}).instances().get(0);
        List<String> sets = new ArrayList<>();
        for (String name : List.of("Developer", "ReadOnly")) {
          String arn = sso.createPermissionSet(b -> b.instanceArn(instance.instanceArn()).name(name)).permissionSet()
              .permissionSetArn();
          sso.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance.instanceArn()).permissionSetArn(arn)
              .managedPolicyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
          sets.add(arn);
        }
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
          String n = "acct-" + i;
          accounts.add(orgs.createAccount(b -> b.accountName(n).email(n + "@example.com")).createAccountStatus().accountId());
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
          String n = "group-" + i;
          groups.add(ids.createGroup(b -> b.identityStoreId(instance.identityStoreId()).displayName(n)).groupId());
        }

        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger acks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> writers = new ArrayList<>();
        int total = sets.size() * ACCOUNTS * GROUPS;
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          writers.add(pool.submit(() -> {
            for (int i = thread; i < total && !killed.get(); i += THREADS) {
              String set = sets.get(i % sets.size());
              String account = accounts.get((i / sets.size()) % ACCOUNTS);
              String group = groups.get(i / (sets.size() * ACCOUNTS));
              try {
                String id = sso.createAccountAssignment(b -> b.instanceArn(instance.instanceArn()).permissionSetArn(set)
                    .principalType(PrincipalType.GROUP).principalId(group).targetId(account)
                    .targetType(TargetType.AWS_ACCOUNT)).accountAssignmentCreationStatus().requestId();
                acked.add(id);
                acks.incrementAndGet();
              } catch (RuntimeException e) {
                if (!killed.get()) throw e;
              }
            }
          }));
        }
        while (acks.get() < KILL_AFTER_ACKS) Thread.sleep(2);
        killed.set(true);
        server.kill();
        pool.shutdown();
        for (Future<?> w : writers) w.get();
      }
    }

    int inProgressAtCrash;
    try (Database db = Database.embedded(dataDir)) {
      inProgressAtCrash = db.withHandle(h -> {
        assertConsistent(h, acked);
        return count(h, "SELECT COUNT(*) FROM sso_operation WHERE status = 'IN_PROGRESS'");
      });
      System.out.printf("acknowledged before kill -9: %d creations; IN_PROGRESS at the crash: %d; roles: %d%n",
          acked.size(), inProgressAtCrash, db.withHandle(h -> count(h, "SELECT COUNT(*) FROM sso_provisioned_role")));
    }

    try (ServerProcess restarted = ServerProcess.start(dataDir, List.of(), env)) {
      URI endpoint = restarted.awaitReady(Duration.ofSeconds(120));
      try (SsoAdminClient sso = client(SsoAdminClient.builder(), endpoint)) {
        String instanceArn = sso.listInstances(r -> {}).instances().get(0).instanceArn();
        Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), () ->
            assertThat(sso.listAccountAssignmentCreationStatus(b -> b.instanceArn(instanceArn)
                .filter(f -> f.status(StatusValues.IN_PROGRESS))).accountAssignmentsCreationStatus()).isEmpty());
      }
      assertThat(restarted.terminate(Duration.ofSeconds(30))).isIn(0, 143);
    }
    try (Database db = Database.embedded(dataDir)) {
      db.withHandle(h -> {
        assertConsistent(h, acked);
        assertThat(count(h, "SELECT COUNT(*) FROM sso_operation WHERE kind = 'CREATE' AND status <> 'SUCCEEDED'"))
            .as("creations not succeeded after the restart").isZero();
        assertThat(count(h, "SELECT COUNT(*) FROM sso_account_assignment WHERE state <> 'ACTIVE'")).isZero();
        // One role per permission set and account that has an assignment.
        assertThat(count(h, "SELECT COUNT(*) FROM sso_provisioned_role")).isEqualTo(
            count(h, "SELECT COUNT(*) FROM (SELECT DISTINCT permission_set_arn, account_id FROM sso_account_assignment) s"));
        return null;
      });
    }
  }

  /** The invariants that must hold at every commit, crash or not. */
  private static void assertConsistent(Handle h, Set<String> acked) {
    List<String> known = h.createQuery("SELECT request_id FROM sso_operation WHERE kind = 'CREATE'").mapTo(String.class).list();
    assertThat(known).as("every acknowledged request is durable").containsAll(acked);
    assertThat(count(h, "SELECT COUNT(*) FROM sso_provisioned_role r LEFT JOIN iam_identity i ON i.id = r.role_id "
        + "WHERE i.id IS NULL")).as("provisioned roles missing from IAM").isZero();
    assertThat(count(h, "SELECT COUNT(*) FROM iam_identity i LEFT JOIN sso_provisioned_role r ON r.role_id = i.id "
        + "WHERE i.path = '/aws-reserved/sso.amazonaws.com/' AND r.role_id IS NULL")).as("reserved roles nobody tracks").isZero();
    assertThat(count(h, "SELECT COUNT(*) FROM sso_provisioned_role r WHERE NOT EXISTS (SELECT 1 FROM sso_account_assignment a "
        + "WHERE a.permission_set_arn = r.permission_set_arn AND a.account_id = r.account_id)"))
        .as("roles without an assignment").isZero();
    assertThat(count(h, "SELECT COUNT(*) FROM sso_account_assignment a WHERE a.state = 'ACTIVE' AND NOT EXISTS "
        + "(SELECT 1 FROM sso_provisioned_role r WHERE r.permission_set_arn = a.permission_set_arn "
        + "AND r.account_id = a.account_id)")).as("active assignments without their role").isZero();
    assertThat(count(h, "SELECT COUNT(*) FROM sso_account_assignment a WHERE a.state = 'CREATING' AND NOT EXISTS "
        + "(SELECT 1 FROM sso_operation o WHERE o.kind = 'CREATE' AND o.status = 'IN_PROGRESS' "
        + "AND o.permission_set_arn = a.permission_set_arn AND o.account_id = a.account_id "
        + "AND o.principal_id = a.principal_id)")).as("assignments being created with no request in progress").isZero();
    assertThat(count(h, "SELECT COUNT(*) FROM sso_operation o WHERE o.kind = 'CREATE' AND o.status = 'SUCCEEDED' "
        + "AND NOT EXISTS (SELECT 1 FROM sso_account_assignment a WHERE a.state = 'ACTIVE' "
        + "AND a.permission_set_arn = o.permission_set_arn AND a.account_id = o.account_id "
        + "AND a.principal_id = o.principal_id)")).as("succeeded creations without an active assignment").isZero();
  }

  private static int count(Handle h, String sql) {
    return h.createQuery(sql).mapTo(Integer.class).one();
  }

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
    return builder.endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(root))
        .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}

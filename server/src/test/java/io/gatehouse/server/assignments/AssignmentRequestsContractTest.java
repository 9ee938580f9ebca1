package io.gatehouse.server.assignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link AssignmentRequests} contract the rules feature relies on, and the provisioning worker
 * behind it, run on H2 and on PostgreSQL.
 */
class AssignmentRequestsContractTest {
  @TempDir Path keyrings;

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void ensureCreatesOnceWhateverTheOriginAndProvisioningFollows(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AssignmentWorld w = new AssignmentWorld(db, keyrings);
      AssignmentRequests requests = w.assignments.requests();
      String account = w.account();
      String set = w.permissionSet("Developer");
      AssignmentTarget target = w.target(set, w.group(), account);

      assertThat(ensure(db, requests, target, "rule/r1")).isTrue();
      assertThat(ensure(db, requests, target, "rule/r1")).isFalse();
      assertThat(ensure(db, requests, target, "rule/other")).isFalse();
      assertThat(byOrigin(db, requests, "rule/r1")).containsExactly(target);
      assertThat(byOrigin(db, requests, "rule/other")).isEmpty();
      assertThat(w.rolesIn(account, "Developer")).isZero();

      assertThat(w.assignments.provisionPending()).isEqualTo(1);
      assertThat(w.rolesIn(account, "Developer")).isEqualTo(1);
      assertThat(state(db, target)).isEqualTo("ACTIVE");
      assertThat(w.assignments.idle()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void removeOnlyTakesAssignmentsOfItsOriginAndTheLastOneTakesTheRole(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AssignmentWorld w = new AssignmentWorld(db, keyrings);
      AssignmentRequests requests = w.assignments.requests();
      String account = w.account();
      String set = w.permissionSet("Ops");
      AssignmentTarget byRule = w.target(set, w.group(), account);
      AssignmentTarget byApi = w.target(set, w.group(), account);
      ensure(db, requests, byRule, "rule/r1");
      ensure(db, requests, byApi, AssignmentRequests.API_ORIGIN);
      w.assignments.provisionPending();
      assertThat(w.rolesIn(account, "Ops")).isEqualTo(1);

      assertThat(remove(db, requests, byApi, "rule/r1")).isFalse();
      assertThat(remove(db, requests, byRule, "rule/r1")).isTrue();
      assertThat(remove(db, requests, byRule, "rule/r1")).as("already being deleted").isFalse();
      assertThat(byOrigin(db, requests, "rule/r1")).isEmpty();
      w.assignments.provisionPending();
      assertThat(state(db, byRule)).isNull();
      assertThat(w.rolesIn(account, "Ops")).as("the API's assignment still needs the role").isEqualTo(1);

      assertThat(remove(db, requests, byApi, AssignmentRequests.API_ORIGIN)).isTrue();
      w.assignments.provisionPending();
      assertThat(w.rolesIn(account, "Ops")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM sso_provisioned_role")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void requestsJoinTheCallersTransaction(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AssignmentWorld w = new AssignmentWorld(db, keyrings);
      AssignmentRequests requests = w.assignments.requests();
      AssignmentTarget target = w.target(w.permissionSet("Rollback"), w.group(), w.account());
      assertThatThrownBy(() -> db.inTransaction(h -> {
        requests.ensure(h, target, "rule/r1");
        throw new IllegalStateException("the rule's transaction fails after ensure");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(byOrigin(db, requests, "rule/r1")).isEmpty();
      assertThat(count(db, "SELECT COUNT(*) FROM sso_operation")).isZero();

      String missing = target.permissionSetArn().substring(0, target.permissionSetArn().lastIndexOf("/ps-") + 4)
          + "0000000000000000";
      assertThatThrownBy(() -> db.inTransaction(h -> requests.ensure(h, w.target(missing, target.principalId(),
          target.accountId()), "rule/r1")))
          .isInstanceOf(AwsException.class).hasMessageContaining("Could not find PermissionSet");
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void aRemovalBeforeProvisioningAndARevivalAfterItEndWhereTheLastRequestSays(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AssignmentWorld w = new AssignmentWorld(db, keyrings);
      AssignmentRequests requests = w.assignments.requests();
      String account = w.account();
      AssignmentTarget target = w.target(w.permissionSet("Flip"), w.group(), account);

      ensure(db, requests, target, "rule/r1");
      remove(db, requests, target, "rule/r1");
      w.assignments.provisionPending();
      assertThat(state(db, target)).isNull();
      assertThat(w.rolesIn(account, "Flip")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM sso_operation WHERE status <> 'SUCCEEDED'")).isZero();

      ensure(db, requests, target, "rule/r1");
      w.assignments.provisionPending();
      remove(db, requests, target, "rule/r1");
      assertThat(ensure(db, requests, target, "rule/r2")).as("revives one being deleted").isTrue();
      w.assignments.provisionPending();
      assertThat(state(db, target)).isEqualTo("ACTIVE");
      assertThat(byOrigin(db, requests, "rule/r2")).containsExactly(target);
      assertThat(w.rolesIn(account, "Flip")).isEqualTo(1);
    }
  }

  /** Two servers' workers on one database: each request is provisioned once, each slot gets one role. */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void twoWorkersOnOneDatabaseProvisionEachRequestOnce(String backendName) throws Exception {
    if (backendName.equals("postgresql") && !TestDatabases.postgresConfigured()) {
      org.junit.jupiter.api.Assumptions.abort("PostgreSQL not configured");
    }
    Supplier<Database> shared = TestDatabases.shared(backendName);
    try (Database first = shared.get(); Database second = shared.get()) {
      AssignmentWorld w = new AssignmentWorld(first, keyrings);
      AssignmentFeature other = new AssignmentWorld(second, keyrings).assignments;
      List<String> accounts = List.of(w.account(), w.account(), w.account(), w.account());
      List<String> sets = List.of(w.permissionSet("One"), w.permissionSet("Two"));
      List<AssignmentTarget> targets = new ArrayList<>();
      for (int g = 0; g < 25; g++) {
        String group = w.group();
        for (String a : accounts) for (String s : sets) targets.add(w.target(s, group, a));
      }
      first.inTransaction(h -> {
        for (AssignmentTarget t : targets) w.assignments.requests().ensure(h, t, "rule/bulk");
        return null;
      });
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<Integer> a = pool.submit(w.assignments::provisionPending);
      Future<Integer> b = pool.submit(other::provisionPending);
      int done = a.get() + b.get();
      pool.shutdown();
      assertThat(done).as("requests completed by the two workers together").isEqualTo(targets.size());
      assertThat(count(first, "SELECT COUNT(*) FROM sso_operation WHERE status = 'SUCCEEDED'")).isEqualTo(targets.size());
      assertThat(count(first, "SELECT COUNT(*) FROM sso_provisioned_role")).isEqualTo(accounts.size() * sets.size());
      assertThat(count(first, "SELECT COUNT(*) FROM iam_identity WHERE path = '/aws-reserved/sso.amazonaws.com/'"))
          .isEqualTo(accounts.size() * sets.size());
    }
  }

  private static boolean ensure(Database db, AssignmentRequests requests, AssignmentTarget t, String origin) {
    Boolean created = db.inTransaction(h -> requests.ensure(h, t, origin));
    return created;
  }

  private static boolean remove(Database db, AssignmentRequests requests, AssignmentTarget t, String origin) {
    Boolean removed = db.inTransaction(h -> requests.remove(h, t, origin));
    return removed;
  }

  private static List<AssignmentTarget> byOrigin(Database db, AssignmentRequests requests, String origin) {
    List<AssignmentTarget> targets = db.withHandle(h -> requests.listByOrigin(h, origin));
    return targets;
  }

  private static String state(Database db, AssignmentTarget t) {
    return db.withHandle(h -> new JdbcAssignmentStore(h).lockAssignment(t).map(a -> a.state().name()).orElse(null));
  }

  private static int count(Database db, String sql) {
    return db.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}

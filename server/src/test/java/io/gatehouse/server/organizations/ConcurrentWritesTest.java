package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.storage.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes that race keep the rules: checks made inside a write still hold at its commit, because
 * writers serialize on the organization row (on H2 and on PostgreSQL).
 */
class ConcurrentWritesTest {

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void racingAttachmentsNeverExceedFivePoliciesPerTarget(Supplier<Database> backend) throws Exception {
    try (OrganizationsFixture f = new OrganizationsFixture(backend.get(), true)) {
      String target = f.account("Target");
      List<String> policies = new ArrayList<>();
      for (int i = 0; i < 8; i++) policies.add(f.scp("P" + i, OrganizationsFixture.DENY_S3).id());

      List<Callable<String>> attaches = new ArrayList<>();
      for (String p : policies) {
        attaches.add(() -> {
          try {
            f.policies.attachPolicy(p, target);
            return "attached";
          } catch (AwsException e) {
            return e.fields().getOrDefault("Reason", e.code()).toString();
          }
        });
      }
      List<String> outcomes = run(attaches);
      assertThat(outcomes).filteredOn("attached"::equals).hasSize(4);
      assertThat(outcomes).filteredOn("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"::equals).hasSize(4);
      assertThat(f.attachedIds(target, "SERVICE_CONTROL_POLICY")).hasSize(5);
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void racingOusWithOneNameLeaveOne(Supplier<Database> backend) throws Exception {
    try (OrganizationsFixture f = new OrganizationsFixture(backend.get(), true)) {
      List<Callable<String>> creates = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        creates.add(() -> {
          try {
            return f.ou(f.rootId(), "Same").id();
          } catch (AwsException e) {
            return e.code();
          }
        });
      }
      List<String> outcomes = run(creates);
      assertThat(outcomes).filteredOn(o -> o.startsWith("ou-")).hasSize(1);
      assertThat(outcomes).filteredOn("DuplicateOrganizationalUnitException"::equals).hasSize(5);
    }
  }

  private static List<String> run(List<Callable<String>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(tasks)) outcomes.add(f.get());
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}

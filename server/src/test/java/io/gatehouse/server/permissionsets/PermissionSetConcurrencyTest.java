package io.gatehouse.server.permissionsets;

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

/** Concurrent writes keep names unique, quotas exact and revisions counting every change. */
class PermissionSetConcurrencyTest {
  static final int THREADS = 8;

  /** Runs the tasks at once; returns each one's error code, or "ok". */
  static List<String> race(List<Callable<?>> tasks) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<?> task : tasks) {
        futures.add(pool.submit(() -> {
          try {
            task.call();
            return "ok";
          } catch (AwsException e) {
            return e.code();
          }
        }));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : futures) outcomes.add(f.get());
      return outcomes;
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void concurrentCreatesOfOneNameMakeOneSet(Supplier<Database> backend) throws Exception {
    try (Database db = backend.get()) {
      var f = PermissionSetFeatureTest.fixture(db, new PermissionSetQuotas(5, 20, 10_240, 50));
      List<Callable<?>> sameName = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        sameName.add(() -> f.feature().sets().create(PermissionSetFeatureTest.OWNER, f.instanceArn(),
            PermissionSetFeatureTest.named("Developer")));
      }
      assertThat(race(sameName)).containsOnlyOnce("ok").filteredOn(o -> !o.equals("ok")).containsOnly("ConflictException");

      List<Callable<?>> pastQuota = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        String name = "Set" + i;
        pastQuota.add(() -> f.feature().sets().create(PermissionSetFeatureTest.OWNER, f.instanceArn(),
            PermissionSetFeatureTest.named(name)));
      }
      List<String> outcomes = race(pastQuota);
      assertThat(outcomes.stream().filter("ok"::equals).count()).as("4 more fit in a quota of 5").isEqualTo(4);
      assertThat(outcomes).filteredOn(o -> !o.equals("ok")).containsOnly("ServiceQuotaExceededException");
      assertThat(f.feature().sets().list(PermissionSetFeatureTest.OWNER, f.instanceArn(), 100, null).items()).hasSize(5);
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void concurrentAttachesStopAtTheQuotaAndEachBumpsTheRevision(Supplier<Database> backend) throws Exception {
    try (Database db = backend.get()) {
      var f = PermissionSetFeatureTest.fixture(db, new PermissionSetQuotas(5, 6, 10_240, 50));
      String arn = f.feature().sets().create(PermissionSetFeatureTest.OWNER, f.instanceArn(),
          PermissionSetFeatureTest.named("Busy")).permissionSetArn();
      List<Callable<?>> attaches = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        var ref = new CustomerManagedPolicyReference("Policy" + i, null);
        attaches.add(() -> {
          f.feature().policies().attachCustomer(PermissionSetFeatureTest.OWNER, f.instanceArn(), arn, ref);
          return null;
        });
      }
      List<String> outcomes = race(attaches);
      assertThat(outcomes.stream().filter("ok"::equals).count()).isEqualTo(6);
      assertThat(outcomes).filteredOn(o -> !o.equals("ok")).containsOnly("ServiceQuotaExceededException");
      PermissionSet set = f.set(arn);
      assertThat(set.customerManagedPolicies()).hasSize(6);
      assertThat(set.revision()).as("one bump per successful change, none lost").isEqualTo(1 + 6);
    }
  }
}

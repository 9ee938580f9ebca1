package io.gatehouse.server.assignmentrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two servers on one database expanding the same rules at the same moment make each assignment once. */
class ConcurrentExpansionTest {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void twoServersExpandingAtOnceMakeEachAssignmentOnce(String backend) throws Exception {
    Supplier<Database> shared = TestDatabases.shared(backend);
    try (RulesWorld first = new RulesWorld(shared.get())) {
      String id = first.tagRule(first.permissionSet(), first.group("Developers"), "env", "dev")
          .get("AssignmentRuleId").asText();
      // Tags change without a transactional hook: the next expansion (on either server) picks them up.
      String a1 = first.account();
      String a2 = first.account();
      first.tag(a1, "env", "dev");
      first.tag(a2, "env", "dev");
      try (RulesWorld second = first.secondServer(shared.get())) {
        // Each expansion waits (up to a second) at its read of the rule's assignments for the other to get there
        // too: without the rule lock both would read "none yet" and both would make them.
        CountDownLatch bothReading = new CountDownLatch(2);
        Runnable meet = () -> {
          bothReading.countDown();
          try {
            bothReading.await(1, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
        first.assignments.beforeList = meet;
        second.assignments.beforeList = meet;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
          List<Future<?>> runs = List.of(pool.submit(first.rules::expand), pool.submit(second.rules::expand));
          for (Future<?> f : runs) f.get(30, TimeUnit.SECONDS);
        }
        first.assignments.beforeList = () -> {};
        second.assignments.beforeList = () -> {};

        assertThat(first.accountsWithOrigin("rule/" + id)).containsExactlyInAnyOrder(a1, a2);
        assertThat(second.describe(id).get("AssignmentCount").asInt()).isEqualTo(2);
      }
    }
  }
}

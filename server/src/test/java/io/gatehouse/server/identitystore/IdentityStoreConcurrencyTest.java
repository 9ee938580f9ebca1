package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uniqueness holds when requests race, as when several servers share one PostgreSQL: the database
 * decides, and the losers get ConflictException, never a duplicate or a 500.
 */
class IdentityStoreConcurrencyTest {
  private static final int RACERS = 6;

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void racingCreatesOfOneUserNameLeaveExactlyOneUser(Supplier<Database> databases) throws Exception {
    try (Database db = databases.get()) {
      IdentityStoreService service = new IdentityStoreService(db, new JdbcIdentityStoreStore(), Clock.systemUTC());
      String store = service.bootstrap();
      AtomicInteger conflicts = new AtomicInteger();
      List<Object> outcomes = race(i -> {
        try {
          return service.createUser(store, IdentityStoreServiceTest.person(i % 2 == 0 ? "racer" : "RACER", null), null);
        } catch (Conflict c) {
          conflicts.incrementAndGet();
          return c;
        }
      });
      assertThat(outcomes).filteredOn(o -> o instanceof User).hasSize(1);
      assertThat(conflicts).hasValue(RACERS - 1);
      assertThat(service.listUsers(store, null, null, null, null).items()).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void serversBootstrappingAtOnceAgreeOnOneStore(Supplier<Database> databases) throws Exception {
    try (Database db = databases.get()) {
      Set<Object> ids = ConcurrentHashMap.newKeySet();
      ids.addAll(race(i -> new IdentityStoreService(db, new JdbcIdentityStoreStore(), Clock.systemUTC()).bootstrap()));
      assertThat(ids).hasSize(1);
      int stores = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM idstore_stores").mapTo(Integer.class).one());
      assertThat(stores).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void joiningGroupsWhileTheUserIsDeletedLeavesNoDanglingMembership(Supplier<Database> databases) throws Exception {
    try (Database db = databases.get()) {
      IdentityStoreService service = new IdentityStoreService(db, new JdbcIdentityStoreStore(), Clock.systemUTC());
      String store = service.bootstrap();
      String userId = service.createUser(store, IdentityStoreServiceTest.person("leaver", null), null).userId();
      List<String> groups = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) groups.add(service.createGroup(store, "g" + i, null, null).groupId());
      // every racer either wins or loses with a typed error (never anything a client would see as a 500)
      List<Object> outcomes = race(i -> {
        try {
          if (i == 0) {
            service.deleteUser(store, userId);
            return "deleted";
          }
          return service.createMembership(store, groups.get(i), new MemberId(userId), null);
        } catch (ResourceNotFound | Conflict lost) {
          return lost; // the user was gone, or went (or gained a membership) while this was written
        }
      });
      boolean deleted = outcomes.contains("deleted");
      List<GroupMembership> left = service.allMemberships(store);
      if (deleted) {
        assertThat(left).as("memberships of the deleted user").isEmpty();
        assertThatThrownBy(() -> service.describeUser(store, userId, null)).isInstanceOf(ResourceNotFound.class);
      } else {
        // the delete lost the race with CONCURRENT_MODIFICATION; the user and its new memberships stand
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(Conflict.class,
            c -> assertThat(c.reason()).isEqualTo(Conflict.Reason.CONCURRENT_MODIFICATION));
        assertThat(service.describeUser(store, userId, null).userId()).isEqualTo(userId);
        assertThat(left).hasSize((int) outcomes.stream().filter(o -> o instanceof GroupMembership).count());
      }
    }
  }

  private interface Racer {
    Object run(int i) throws Exception;
  }

  private static List<Object> race(Racer racer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        int n = i;
        futures.add(pool.submit((Callable<Object>) () -> {
          start.await();
          return racer.run(n);
        }));
      }
      start.countDown();
      List<Object> out = new ArrayList<>();
      for (Future<Object> f : futures) out.add(f.get());
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}

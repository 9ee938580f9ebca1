package io.gatehouse.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeFeedTest {
  static java.util.stream.Stream<org.junit.jupiter.api.Named<Supplier<Database>>> databases() {
    return TestDatabases.all();
  }

  /** A row written by another server: inserted without this server's local-commit hook. */
  private static void remoteChange(Database db, String topic) {
    db.withHandle(h -> h.execute("INSERT INTO change_log(topic, changed_at) VALUES (?, CURRENT_TIMESTAMP)", topic));
  }

  private static void remoteChange(Database db, long seq, String topic) {
    db.withHandle(h -> h.execute("INSERT INTO change_log(seq, topic, changed_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
        seq, topic));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void pollNotifiesTheTopicsOthersChanged(Supplier<Database> database) {
    try (Database db = database.get(); ChangeFeed feed = new ChangeFeed(db, Duration.ofMinutes(1))) {
      List<String> seen = new CopyOnWriteArrayList<>();
      feed.subscribe("credentials", () -> seen.add("credentials"));
      feed.subscribe("organizations", () -> seen.add("organizations"));
      remoteChange(db, "credentials"); // before start: already part of the state read at start
      feed.start();
      remoteChange(db, "organizations");
      remoteChange(db, "identitystore");
      remoteChange(db, "credentials");
      assertThat(seen).isEmpty();
      feed.poll();
      assertThat(seen).containsExactly("organizations", "credentials");
      feed.poll();
      assertThat(seen).hasSize(2);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aLocalCommitNotifiesAtOnceAndARollbackNever(Supplier<Database> database) {
    try (Database db = database.get(); ChangeFeed feed = new ChangeFeed(db, Duration.ofMinutes(1))) {
      List<String> seen = new CopyOnWriteArrayList<>();
      feed.subscribe("credentials", () -> seen.add("credentials"));
      feed.start();
      db.inTransaction(h -> {
        ChangeLog.append(h, "credentials");
        assertThat(seen).as("not before commit").isEmpty();
        return null;
      });
      assertThat(seen).containsExactly("credentials");
      try {
        db.inTransaction(h -> {
          ChangeLog.append(h, "credentials");
          throw new IllegalStateException("roll back");
        });
      } catch (IllegalStateException expected) {
        // rolled back
      }
      assertThat(seen).containsExactly("credentials");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aChangeThatCommitsAfterALaterOneIsStillSeen(Supplier<Database> database) {
    try (Database db = database.get(); ChangeFeed feed = new ChangeFeed(db, Duration.ofMinutes(1))) {
      List<String> seen = new CopyOnWriteArrayList<>();
      feed.subscribe("a", () -> seen.add("a"));
      feed.subscribe("b", () -> seen.add("b"));
      feed.start();
      long base = feed.position();
      remoteChange(db, base + 1000, "a"); // took its number later but committed first
      feed.poll();
      assertThat(seen).containsExactly("a");
      remoteChange(db, base + 999, "b"); // the slower transaction commits now
      feed.poll();
      assertThat(seen).containsExactly("a", "b");
      assertThat(feed.position()).isEqualTo(base + 1000);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theBackgroundPollFollowsWithoutBeingAsked(Supplier<Database> database) throws Exception {
    try (Database db = database.get(); ChangeFeed feed = new ChangeFeed(db, Duration.ofMillis(20))) {
      var latch = new java.util.concurrent.CountDownLatch(1);
      feed.subscribe("credentials", latch::countDown);
      feed.start();
      remoteChange(db, "credentials");
      assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFailingListenerDoesNotStopTheOthers(Supplier<Database> database) {
    try (Database db = database.get(); ChangeFeed feed = new ChangeFeed(db, Duration.ofMinutes(1))) {
      List<String> seen = new CopyOnWriteArrayList<>();
      feed.subscribe("t", () -> {
        throw new IllegalStateException("listener bug");
      });
      feed.subscribe("t", () -> seen.add("t"));
      feed.start();
      remoteChange(db, "t");
      feed.poll();
      assertThat(seen).containsExactly("t");
    }
  }
}

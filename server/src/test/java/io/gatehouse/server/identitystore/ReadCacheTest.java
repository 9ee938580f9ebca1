package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {
  private final ReadCache cache = new ReadCache();
  private final AtomicInteger databaseReads = new AtomicInteger();

  @Test
  void aFoundGroupIsReadFromTheDatabaseOnceUntilTheNextChange() {
    Group v1 = group("v1");
    assertThat(cache.group("d-1", "g", () -> read(v1))).isSameAs(v1);
    assertThat(cache.group("d-1", "g", () -> read(group("other")))).isSameAs(v1);
    assertThat(databaseReads).hasValue(1);

    cache.invalidate();
    Group v2 = group("v2");
    assertThat(cache.group("d-1", "g", () -> read(v2))).isSameAs(v2);
    assertThat(databaseReads).hasValue(2);
  }

  @Test
  void aValueReadBeforeACommitIsNotServedAfterIt() {
    // the reader reads v1, then a commit lands (and empties the cache) before the reader stores it
    Group stale = group("v1");
    assertThat(cache.group("d-1", "g", () -> {
      Optional<Group> read = read(stale);
      cache.invalidate();
      return read;
    })).isSameAs(stale);
    Group fresh = group("v2");
    assertThat(cache.group("d-1", "g", () -> read(fresh))).isSameAs(fresh);
  }

  @Test
  void absenceIsNotCached() {
    assertThat(cache.group("d-1", "g", () -> { databaseReads.incrementAndGet(); return Optional.empty(); })).isNull();
    Group created = group("new");
    assertThat(cache.group("d-1", "g", () -> read(created))).isSameAs(created);
    assertThat(databaseReads).hasValue(2);
  }

  @Test
  void keysAreStoreAndId() {
    Group one = group("one");
    Group two = group("two");
    cache.group("d-1", "g", () -> read(one));
    assertThat(cache.group("d-2", "g", () -> read(two))).isSameAs(two);
    assertThat(cache.group("d-1", "h", () -> read(two))).isSameAs(two);
  }

  private Optional<Group> read(Group g) {
    databaseReads.incrementAndGet();
    return Optional.of(g);
  }

  private static Group group(String name) {
    return new Group("g", name, null, null, null, null, null, null, "d-1");
  }
}

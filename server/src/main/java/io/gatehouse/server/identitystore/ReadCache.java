package io.gatehouse.server.identitystore;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the API's reads last found in the database — users and groups by id, first pages of
 * ListUsers and ListGroups — so that a repeated read skips the database.
 *
 * <p>Any identity-store change starts a new, empty generation: a commit on this server right after
 * it commits (before its response goes out, so a client reads its own writes), another server's at
 * this server's next change-log poll. A reader takes the generation <em>before</em> it reads the
 * database and stores what it read into that generation only, so a value read before a commit can
 * only land in a generation that the commit has already replaced (or is about to), never in a newer
 * one: nothing an acknowledged write changed is served afterwards.
 */
final class ReadCache {
  /** Per kind and generation; past it, reads go to the database until the next change. */
  static final int MAX_ENTRIES = 50_000;

  private volatile Generation current = new Generation();

  /** Forgets everything; called after every identity-store commit, here or elsewhere. */
  void invalidate() {
    current = new Generation();
  }

  User user(String storeId, String userId, Supplier<Optional<User>> database) {
    return current.users.get(new Key(storeId, userId), database);
  }

  Group group(String storeId, String groupId, Supplier<Optional<Group>> database) {
    return current.groups.get(new Key(storeId, groupId), database);
  }

  Page<User> userPage(ListKey key, Supplier<Page<User>> database) {
    return current.userPages.get(key, () -> Optional.of(database.get()));
  }

  Page<Group> groupPage(ListKey key, Supplier<Page<Group>> database) {
    return current.groupPages.get(key, () -> Optional.of(database.get()));
  }

  record Key(String storeId, String id) {}

  /** One page of a list call: the store, the filter value (or null), where it starts (or null) and its size. */
  record ListKey(String storeId, String filterValue, String after, int limit) {}

  private static final class Generation {
    final Entries<Key, User> users = new Entries<>();
    final Entries<Key, Group> groups = new Entries<>();
    final Entries<ListKey, Page<User>> userPages = new Entries<>();
    final Entries<ListKey, Page<Group>> groupPages = new Entries<>();
  }

  /** Found values only: an absent one is asked of the database each time (it may be created any moment elsewhere). */
  private static final class Entries<K, V> {
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();

    /** The cached value, or the database's (cached when found); null when the database has none. */
    V get(K key, Supplier<Optional<V>> database) {
      V hit = map.get(key);
      if (hit != null) return hit;
      V found = database.get().orElse(null);
      if (found != null && map.size() < MAX_ENTRIES) map.putIfAbsent(key, found);
      return found;
    }
  }
}

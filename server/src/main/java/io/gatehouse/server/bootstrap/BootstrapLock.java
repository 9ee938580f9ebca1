package io.gatehouse.server.bootstrap;

import io.gatehouse.server.storage.Database;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;

/**
 * Serializes first-start work across every server on one database: a session-level advisory lock
 * on PostgreSQL; on H2, whose file only one process can open, a lock within this JVM suffices.
 */
final class BootstrapLock implements AutoCloseable {
  /** "gatehous" in ASCII: an arbitrary key no other user of the database is likely to pick. */
  private static final long KEY = 0x67617465686f7573L;
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();

  private final Handle handle;

  private BootstrapLock(Handle handle) {
    this.handle = handle;
  }

  static BootstrapLock acquire(Database db) {
    return switch (db.dialect()) {
      case POSTGRESQL -> {
        Handle h = db.jdbi().open();
        try {
          // pg_advisory_lock returns void; wrap it so the query yields an ordinary row.
          h.createQuery("SELECT 1 FROM (SELECT pg_advisory_lock(:key)) AS locked").bind("key", KEY).mapTo(Integer.class).one();
        } catch (RuntimeException e) {
          h.close();
          throw e;
        }
        yield new BootstrapLock(h);
      }
      case H2 -> {
        IN_PROCESS.lock();
        yield new BootstrapLock(null);
      }
    };
  }

  @Override
  public void close() {
    if (handle == null) {
      IN_PROCESS.unlock();
      return;
    }
    try (handle) {
      handle.createQuery("SELECT pg_advisory_unlock(:key)").bind("key", KEY).mapTo(Boolean.class).one();
    }
  }
}

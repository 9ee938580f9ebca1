package io.gatehouse.server.storage;

import org.jdbi.v3.core.Handle;

/**
 * A table of committed changes, one row per write transaction, with a growing sequence number.
 * Writers append inside their transaction; every server polls it and advances its in-memory
 * snapshot for the topics that changed, so servers sharing one database follow each other.
 */
public final class ChangeLog {
  private ChangeLog() {}

  /** Records, in the caller's transaction, that {@code topic} (e.g. {@code organizations}) changed. */
  public static void append(Handle handle, String topic) {
    handle.createUpdate("INSERT INTO change_log(topic, changed_at) VALUES (:topic, CURRENT_TIMESTAMP)")
        .bind("topic", topic)
        .execute();
    LocalCommits localCommits = handle.getConfig(LocalCommits.class);
    handle.afterCommit(() -> localCommits.committed(topic));
  }
}

package io.gatehouse.server.storage;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Tells this server, right after a local transaction that appended to the {@link ChangeLog}
 * commits, which topic changed, so that its in-memory views advance before the response is sent
 * (read-your-writes); other servers learn the same from polling the change log.
 */
public final class LocalCommits implements JdbiConfig<LocalCommits> {
  // Shared by every copy Jdbi makes of this config, so a listener set later reaches all handles.
  private final AtomicReference<Consumer<String>> listener;

  public LocalCommits() {
    this(new AtomicReference<>(topic -> {}));
  }

  private LocalCommits(AtomicReference<Consumer<String>> listener) {
    this.listener = listener;
  }

  void listener(Consumer<String> topicListener) {
    listener.set(topicListener);
  }

  void committed(String topic) {
    listener.get().accept(topic);
  }

  @Override
  public LocalCommits createCopy() {
    return new LocalCommits(listener);
  }
}

package io.gatehouse.server.runtime;

import io.gatehouse.server.storage.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code change_log} table so that several servers on one database see each other's
 * writes: every poll reads the rows past the last one seen and calls the listeners of their topics
 * (e.g. {@code credentials} → reload the access keys). Local commits notify at once, before the
 * response goes out, so a server always reads its own writes.
 *
 * <p>Sequence numbers are handed out before commit, so a row with a smaller number can become
 * visible after a larger one (two transactions committing out of order). A missing number is
 * remembered as a gap and looked for again for a while; gaps left by rolled-back transactions
 * simply expire.
 */
public final class ChangeFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final int MAX_ROWS_PER_POLL = 10_000;
  private static final int MAX_NEW_GAPS = 1_000;

  private final Database db;
  private final Duration interval;
  private final int gapPolls;
  private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
  private ScheduledExecutorService poller;
  private long highWater;
  /** Sequence numbers not seen yet below {@link #highWater}, with the number of polls left to wait for them. */
  private final TreeMap<Long, Integer> gaps = new TreeMap<>();

  public ChangeFeed(Database db, Duration interval) {
    this.db = db;
    this.interval = interval;
    this.gapPolls = (int) Math.max(20, Duration.ofSeconds(30).toMillis() / Math.max(1, interval.toMillis()));
  }

  /** Calls {@code listener} whenever {@code topic} changes, here or on another server. */
  public void subscribe(String topic, Runnable listener) {
    listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
  }

  /** Starts following from the current end of the log; what came before is already in the database state read at start. */
  public synchronized void start() {
    highWater = db.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM change_log").mapTo(Long.class).one());
    db.onLocalCommit(this::fire);
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gatehouse-change-feed");
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The highest sequence number seen. */
  public synchronized long position() {
    return highWater;
  }

  /** Reads new rows once and notifies their topics' listeners. */
  synchronized void poll() {
    long from = gaps.isEmpty() ? highWater : Math.min(highWater, gaps.firstKey() - 1);
    List<Row> rows = db.withHandle(h -> h.createQuery(
            "SELECT seq, topic FROM change_log WHERE seq > :from ORDER BY seq LIMIT " + MAX_ROWS_PER_POLL)
        .bind("from", from)
        .map((rs, ctx) -> new Row(rs.getLong("seq"), rs.getString("topic")))
        .list());
    gaps.replaceAll((seq, left) -> left - 1);
    for (Row row : rows) {
      if (row.seq() > highWater) {
        for (long missing = highWater + 1; missing < row.seq() && missing - highWater <= MAX_NEW_GAPS; missing++) {
          gaps.put(missing, gapPolls);
        }
        highWater = row.seq();
        fire(row.topic());
      } else if (gaps.remove(row.seq()) != null) {
        fire(row.topic());
      }
    }
    gaps.values().removeIf(left -> left <= 0);
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      // The database may be briefly unreachable; the next poll picks up where this one stopped.
      LOG.warn("change feed poll failed: {}", e.toString());
    }
  }

  private void fire(String topic) {
    for (Runnable listener : listeners.getOrDefault(topic, List.of())) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.error("change listener for topic {} failed", topic, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
    db.onLocalCommit(topic -> {});
  }

  private record Row(long seq, String topic) {}
}

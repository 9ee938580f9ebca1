package io.gatehouse.server.assignments;

import io.gatehouse.server.storage.Database;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that provisions: it claims the oldest IN_PROGRESS requests (locked with
 * {@code FOR UPDATE}, skipping rows another server holds on PostgreSQL) and hands them to the
 * {@link Provisioner} in the same transaction, batch after batch until none is left, then waits for
 * a wake-up (a local request committed) or the poll interval (another server's request, or work
 * left by a crash). A batch that fails as a whole is retried one request per transaction so that
 * one bad request is marked FAILED instead of blocking the queue.
 */
final class ProvisioningWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ProvisioningWorker.class);

  private final Database db;
  private final Provisioner provisioner;
  private final int batchSize;
  private final Duration pollInterval;
  private final Semaphore wakeups = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  ProvisioningWorker(Database db, Provisioner provisioner, int batchSize, Duration pollInterval) {
    this.db = db;
    this.provisioner = provisioner;
    this.batchSize = batchSize;
    this.pollInterval = pollInterval;
  }

  synchronized void start() {
    if (thread != null) return;
    running = true;
    thread = Thread.ofPlatform().name("gatehouse-provisioning").daemon(true).start(this::run);
  }

  /** Stops after the batch in progress (if any) commits or rolls back. */
  synchronized void stop() {
    if (thread == null) return;
    running = false;
    wakeups.release();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  /** Asks the worker to look for work now. */
  void wake() {
    wakeups.release();
  }

  private void run() {
    while (running) {
      try {
        while (running && drainOnce() > 0) {
          // keep going while there is work
        }
        wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        wakeups.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) return;
        LOG.warn("provisioning pass failed, retrying: {}", e.toString());
        sleepQuietly();
      }
    }
  }

  /** One batch: returns how many requests it completed (0 when the queue is empty). */
  int drainOnce() {
    try {
      return db.inTransaction(h -> {
        List<StatusRecord> claimed = new JdbcAssignmentStore(h).claimPending(db.dialect(), batchSize);
        if (!claimed.isEmpty()) provisioner.process(h, claimed);
        return claimed.size();
      });
    } catch (RuntimeException batchFailure) {
      LOG.warn("provisioning batch failed, retrying its requests one by one: {}", batchFailure.toString());
      return oneByOne();
    }
  }

  /**
   * The slow path after a failed batch: each request alone, claimed again in its own transaction; one
   * that still fails is marked FAILED and its assignment left as it was before the request (a
   * creation's row removed, a deletion's row active again), so no assignment waits on it forever.
   */
  private int oneByOne() {
    List<StatusRecord> pending = db.withHandle(h -> new JdbcAssignmentStore(h).claimPending(db.dialect(), batchSize));
    int done = 0;
    for (StatusRecord r : pending) {
      try {
        db.inTransaction(h -> {
          List<StatusRecord> claimed = new JdbcAssignmentStore(h).claim(r.seq());
          if (!claimed.isEmpty()) provisioner.process(h, claimed);
          return null;
        });
      } catch (RuntimeException e) {
        LOG.error("provisioning request {} failed", r.requestId(), e);
        db.inTransaction(h -> {
          JdbcAssignmentStore store = new JdbcAssignmentStore(h);
          if (store.claim(r.seq()).isEmpty()) return null;
          store.complete(List.of(r.completed(OperationStatus.FAILED, "InternalFailure: the request could not be provisioned")));
          if (r.kind() != OperationKind.PROVISION) {
            store.lockAssignment(r.target()).ifPresent(a -> {
              if (r.kind() == OperationKind.CREATE && a.state() == AssignmentState.CREATING) {
                store.deleteAssignments(List.of(r.target()));
              } else if (r.kind() == OperationKind.DELETE && a.state() == AssignmentState.DELETING) {
                store.setState(r.target(), AssignmentState.ACTIVE);
              }
            });
          }
          return null;
        });
      }
      done++;
    }
    return done;
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

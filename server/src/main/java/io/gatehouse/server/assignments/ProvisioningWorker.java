package io.gatehouse.server.assignments;

import io.gatehouse.server.storage.Database;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that provisions: it claims the oldest IN_PROGRESS requests (locked with
 * {@code FOR UPDATE SKIP LOCKED}, so servers sharing a database never take the same request) and hands them to the
 * {@link Provisioner} in the same transaction, batch after batch until none is left, then waits for
 * a wake-up (a local request committed) or the poll interval (another server's request, or work
 * left by a crash). A batch that keeps failing is retried one request per transaction so that one
 * bad request is marked FAILED instead of blocking the queue.
 */
final class ProvisioningWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ProvisioningWorker.class);

  private final Database db;
  private final Provisioner provisioner;
  private final int batchSize;
  private final Duration pollInterval;
  private static final int ATTEMPTS = 3;

  private final Semaphore wakeups = new Semaphore(0);
  private final AtomicInteger failures = new AtomicInteger();
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

  /**
   * One batch: returns how many requests it completed (0 when the queue is empty, or when the batch
   * failed and will be tried again). A batch that fails {@value #ATTEMPTS} times in a row (not a
   * lock timeout or a deadlock with another writer, then) is retried one request at a time.
   */
  int drainOnce() {
    try {
      long start = System.nanoTime();
      long[] processed = new long[1];
      int done = db.inTransaction(h -> {
        List<StatusRecord> claimed = new JdbcAssignmentStore(h).claimPending(batchSize);
        if (!claimed.isEmpty()) provisioner.process(h, claimed);
        processed[0] = System.nanoTime();
        return claimed.size();
      });
      failures.set(0);
      if (done > 0 && LOG.isDebugEnabled()) {
        long end = System.nanoTime();
        LOG.debug("provisioned {} requests: {} ms in the transaction, {} ms to commit and notify", done,
            (processed[0] - start) / 1_000_000, (end - processed[0]) / 1_000_000);
      }
      return done;
    } catch (RuntimeException batchFailure) {
      if (failures.incrementAndGet() < ATTEMPTS) {
        LOG.warn("provisioning batch failed, will retry: {}", batchFailure.toString());
        return 0;
      }
      failures.set(0);
      LOG.warn("provisioning batch failed {} times, retrying its requests one by one: {}", ATTEMPTS,
          batchFailure.toString());
      return oneByOne();
    }
  }

  /**
   * The slow path after a failed batch: each request alone, claimed again in its own transaction; one
   * that still fails is marked FAILED and its assignment left as it was before the request (a
   * creation's row removed, a deletion's row active again), so no assignment waits on it forever.
   */
  private int oneByOne() {
    List<StatusRecord> pending = db.withHandle(h -> new JdbcAssignmentStore(h).claimPending(batchSize));
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

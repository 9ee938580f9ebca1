package io.gatehouse.bench.server;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop phase: {@code threads} threads each send a call, wait for its answer, and send
 * the next, until the phase's time is up or its call budget is spent. Every call ends before
 * {@link #run} returns, so CPU read after it covers all the server work of the counted calls.
 */
final class LoadPhase {

  record Result(long calls, long elapsedNanos, long[] sortedLatencyNanos, ErrorTally errors) {
    double callsPerSecond() {
      return elapsedNanos == 0 ? 0 : calls * 1e9 / elapsedNanos;
    }

    /** Nearest-rank percentile of the call latencies, in milliseconds. */
    double latencyMillis(double percentile) {
      if (sortedLatencyNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(percentile / 100.0 * sortedLatencyNanos.length);
      return sortedLatencyNanos[Math.max(0, rank - 1)] / 1e6;
    }
  }

  private final SignedClient client;
  private final Workload.CallSource source;
  private final AtomicLong sequence;

  LoadPhase(SignedClient client, Workload.CallSource source, AtomicLong sequence) {
    this.client = client;
    this.source = source;
    this.sequence = sequence;
  }

  Result run(int threads, Duration duration, long maxCalls) throws InterruptedException {
    AtomicLong issued = new AtomicLong();
    ErrorTally errors = new ErrorTally();
    CountDownLatch start = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Worker> workers = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(start, deadline, issued, maxCalls, errors);
      workers.add(worker);
      Thread.ofPlatform().name("load-" + i).daemon().start(worker);
    }
    long begin = System.nanoTime();
    deadline[0] = begin + duration.toNanos();
    start.countDown();
    for (Worker worker : workers) {
      worker.done.await();
    }
    long elapsed = System.nanoTime() - begin;

    long[] all = workers.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).toArray();
    Arrays.sort(all);
    return new Result(all.length, elapsed, all, errors);
  }

  private final class Worker implements Runnable {
    private final CountDownLatch start;
    private final long[] deadline;
    private final AtomicLong issued;
    private final long maxCalls;
    private final ErrorTally errors;
    private final CountDownLatch done = new CountDownLatch(1);
    private long[] latencies = new long[4096];
    private int count;

    Worker(CountDownLatch start, long[] deadline, AtomicLong issued, long maxCalls, ErrorTally errors) {
      this.start = start;
      this.deadline = deadline;
      this.issued = issued;
      this.maxCalls = maxCalls;
      this.errors = errors;
    }

    @Override
    public void run() {
      try {
        start.await();
        long end = deadline[0];
        while (System.nanoTime() < end && issued.getAndIncrement() < maxCalls) {
          SignedCall call = source.call(sequence.getAndIncrement());
          long t0 = System.nanoTime();
          try {
            Reply reply = client.send(call);
            record(System.nanoTime() - t0);
            if (!reply.ok()) {
              errors.record(reply.status(), reply.body());
            }
          } catch (IOException e) {
            record(System.nanoTime() - t0);
            errors.record(0, e.toString());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done.countDown();
      }
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }
  }
}

package io.gatehouse.server.testing;

import java.time.Duration;

/** Retries an assertion until it holds or time runs out, for effects that arrive asynchronously. */
public final class Eventually {
  private Eventually() {}

  @FunctionalInterface
  public interface Check {
    void run() throws Exception;
  }

  /** Runs {@code check} every {@code every} until it passes; after {@code timeout}, its last failure is thrown. */
  public static void within(Duration timeout, Duration every, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (Exception | AssertionError e) {
        if (System.nanoTime() > deadline) throw e;
        Thread.sleep(every.toMillis());
      }
    }
  }
}

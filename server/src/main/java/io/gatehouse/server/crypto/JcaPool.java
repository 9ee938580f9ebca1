package io.gatehouse.server.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Reusable JCA engines ({@code Mac}, {@code MessageDigest}, {@code Cipher}): {@code getInstance}
 * costs a provider lookup that the request path should not pay each time. A pool rather than a
 * {@code ThreadLocal} because requests run on virtual threads, one per request, so a thread-local
 * engine would be created afresh every time. Hashing never blocks, so the pool stays about as
 * large as the number of carrier threads.
 *
 * @param <T> the engine type; each user must leave an engine reset (doFinal/digest do) or re-init it
 */
public final class JcaPool<T> {
  /** Creates an engine; may throw the JCA's checked exception. */
  @FunctionalInterface
  public interface Factory<T> {
    T create() throws GeneralSecurityException;
  }

  private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
  private final Factory<T> factory;

  public JcaPool(Factory<T> factory) {
    this.factory = factory;
  }

  /** Runs {@code use} with an engine borrowed from the pool, and returns the engine afterwards. */
  public <R> R with(Function<T, R> use) {
    T engine = idle.poll();
    if (engine == null) {
      try {
        engine = factory.create();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JVM lacks a required algorithm: " + e.getMessage(), e);
      }
    }
    try {
      return use.apply(engine);
    } finally {
      idle.offer(engine);
    }
  }
}

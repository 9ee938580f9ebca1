package io.gatehouse.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand. It ticks with real time from a settable offset, so requests that the
 * SDK signs with the real time still fall inside SigV4's 15-minute window until a test moves it.
 */
public final class MutableClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  public MutableClock() {
    this(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
  }

  private MutableClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /** Moves time forward (or back, with a negative amount). */
  public void advance(Duration amount) {
    offset.updateAndGet(o -> o.plus(amount));
  }

  /** Makes {@link #instant()} return {@code now} at this moment; time keeps ticking from there. */
  public void set(Instant now) {
    offset.set(Duration.between(base.instant(), now));
  }

  /** Back to real time. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(base.withZone(zone), offset);
  }
}

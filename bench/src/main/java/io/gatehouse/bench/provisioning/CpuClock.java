package io.gatehouse.bench.provisioning;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent since it was made, by the whole process and by named threads: on a machine
 * shared with other work, wall time says how busy the machine was; CPU time says what the run cost.
 */
final class CpuClock {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final long processStart = processNanos();
  private final Map<Long, Long> threadStart = new HashMap<>();

  CpuClock() {
    for (Thread t : Thread.getAllStackTraces().keySet()) threadStart.put(t.threadId(), threads.getThreadCpuTime(t.threadId()));
  }

  double processSeconds() {
    return (processNanos() - processStart) / 1e9;
  }

  /** CPU of the live thread with this name since this clock was made (a thread started later: since its start). */
  double threadSeconds(String name) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return (threads.getThreadCpuTime(t.threadId()) - threadStart.getOrDefault(t.threadId(), 0L)) / 1e9;
      }
    }
    return Double.NaN;
  }

  private static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}

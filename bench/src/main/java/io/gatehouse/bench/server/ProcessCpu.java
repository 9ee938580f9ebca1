package io.gatehouse.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by a whole process (all its threads, live and exited): utime + stime from
 * {@code /proc/<pid>/stat}, in nanoseconds. Resolution is one clock tick (usually 10 ms), which is
 * why the measured window must hold thousands of requests.
 */
record ProcessCpu(long pid, Path statFile, long nanosPerTick) {

  static ProcessCpu of(long pid, long clockTicksPerSecond) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.isReadable(stat)) {
      throw new IllegalArgumentException("no readable " + stat + ": is process " + pid + " running?");
    }
    return new ProcessCpu(pid, stat, 1_000_000_000L / clockTicksPerSecond);
  }

  static ProcessCpu self(long clockTicksPerSecond) {
    return of(ProcessHandle.current().pid(), clockTicksPerSecond);
  }

  /** CPU time so far, split as the kernel accounts it: in the process's code and in the kernel for it. */
  record Times(long userNanos, long systemNanos) {
    long totalNanos() {
      return userNanos + systemNanos;
    }

    Times minus(Times earlier) {
      return new Times(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos);
    }
  }

  long nanos() {
    return times().totalNanos();
  }

  Times times() {
    try {
      return parse(Files.readString(statFile));
    } catch (IOException e) {
      throw new UncheckedIOException("process " + pid + " is gone", e);
    }
  }

  /**
   * CPU time so far of the process's JIT compiler threads (HotSpot names them "C1/C2 CompilerThre…"),
   * zero for a process without them. A large share in the measured window means warm-up was too short.
   */
  long compilerNanos() {
    Path tasks = statFile.resolveSibling("task");
    long total = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        try {
          if (Files.readString(thread.resolve("comm")).strip().matches("C\\d CompilerThre.*")) {
            total += parse(Files.readString(thread.resolve("stat"))).totalNanos();
          }
        } catch (IOException e) {
          // The thread ended while we looked: its time is no longer attributable to it.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("process " + pid + " is gone", e);
    }
    return total;
  }

  private Times parse(String stat) {
    // Field 2 (comm) is in parentheses and may hold spaces; fields from 3 on follow the last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[14 - 3]);
    long stime = Long.parseLong(fields[15 - 3]);
    return new Times(utime * nanosPerTick, stime * nanosPerTick);
  }

  /** {@code getconf CLK_TCK}; 100 (Linux's USER_HZ nearly everywhere) if getconf is unavailable. */
  static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}

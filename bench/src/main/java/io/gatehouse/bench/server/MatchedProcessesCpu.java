package io.gatehouse.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of every process whose command line matches a pattern, e.g. the PostgreSQL backends
 * serving the server's database ({@code postgres: 15/main: postgres gatehouse_bench 127.0.0.1(…)}),
 * so that a server on an external database reports the database's share beside its own. A process
 * that ends between two readings takes its time with it; one that starts counts from zero.
 *
 * @param label what the processes are, for the report
 */
record MatchedProcessesCpu(String label, Pattern commandLine, long nanosPerTick) {

  /** {@code label=regex}. */
  static MatchedProcessesCpu parse(String spec, long clockTicksPerSecond) {
    int eq = spec.indexOf('=');
    if (eq < 1) throw new IllegalArgumentException("--also-cpu-of wants label=regex, got " + spec);
    return new MatchedProcessesCpu(spec.substring(0, eq), Pattern.compile(spec.substring(eq + 1)),
        1_000_000_000L / clockTicksPerSecond);
  }

  /** utime + stime so far, by pid, of the matching processes. */
  Map<Long, Long> read() {
    Map<Long, Long> nanos = new HashMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : (Iterable<Path>) procs::iterator) {
        String name = proc.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) continue;
        try {
          String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
          if (!commandLine.matcher(cmd).find()) continue;
          String stat = Files.readString(proc.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          nanos.put(Long.parseLong(name), (Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3])) * nanosPerTick);
        } catch (IOException e) {
          // gone while we looked
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return nanos;
  }

  /** CPU used between two readings by the processes in the later one (a new process counts in full). */
  static long between(Map<Long, Long> before, Map<Long, Long> after) {
    long total = 0;
    for (var e : after.entrySet()) total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    return total;
  }
}

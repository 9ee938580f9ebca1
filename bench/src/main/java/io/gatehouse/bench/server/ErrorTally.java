package io.gatehouse.bench.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** Failed calls of a phase: a count per HTTP status (0 = no answer) and the first few answers. */
final class ErrorTally {

  private static final int SAMPLES = 5;

  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final List<String> samples = new CopyOnWriteArrayList<>();

  void record(int status, String detail) {
    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    if (samples.size() < SAMPLES) {
      samples.add((status == 0 ? "no answer" : "HTTP " + status) + ": "
          + SetupFailedException.abbreviate(detail));
    }
  }

  long total() {
    return byStatus.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<Integer, Long> byStatus() {
    Map<Integer, Long> counts = new TreeMap<>();
    byStatus.forEach((status, n) -> counts.put(status, n.sum()));
    return counts;
  }

  List<String> samples() {
    return List.copyOf(samples);
  }
}

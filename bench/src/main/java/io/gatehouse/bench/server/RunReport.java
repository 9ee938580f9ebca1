package io.gatehouse.bench.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The figures of one run. Server CPU per call is the process's CPU time over the measured window
 * divided by the calls in it; it includes whatever the server did in the background meanwhile,
 * which {@code idleCpuMillisPerSecond} (measured before the run with no load) lets the reader judge.
 */
record RunReport(
    String label,
    Workload workload,
    int threads,
    LoadPhase.Result warmup,
    LoadPhase.Result measured,
    ProcessCpu.Times serverCpu,
    long serverCompilerNanos,
    long driverCpuNanos,
    double idleCpuMillisPerSecond,
    double loadAverage,
    java.util.Map<String, Long> otherCpuNanos) {

  long errors() {
    return warmup.errors().total() + measured.errors().total();
  }

  /** A run counts only if it made calls and every call, warm-up included, got a 2xx. */
  boolean valid() {
    return measured.calls() > 0 && errors() == 0;
  }

  double serverCpuMillisPerCall() {
    return measured.calls() == 0 ? Double.NaN : serverCpu.totalNanos() / 1e6 / measured.calls();
  }

  double driverCpuMillisPerCall() {
    return measured.calls() == 0 ? Double.NaN : driverCpuNanos / 1e6 / measured.calls();
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "%s %s: %s%n", label, workload.name(), workload.describe());
    out.printf(Locale.ROOT, "  warm-up   %,d calls in %.1f s, %d errors%n",
        warmup.calls(), warmup.elapsedNanos() / 1e9, warmup.errors().total());
    out.printf(Locale.ROOT, "  measured  %,d calls in %.1f s on %d threads: %.0f calls/s%n",
        measured.calls(), measured.elapsedNanos() / 1e9, threads, measured.callsPerSecond());
    out.printf(Locale.ROOT, "  latency   p50 %.3f ms, p99 %.3f ms%n",
        measured.latencyMillis(50), measured.latencyMillis(99));
    out.printf(Locale.ROOT, "  server CPU %.4f ms per call: %.1f ms in the window (user %.1f, system %.1f;"
            + " JIT compiler threads %.1f); idle server %.2f ms CPU per s%n",
        serverCpuMillisPerCall(), serverCpu.totalNanos() / 1e6, serverCpu.userNanos() / 1e6,
        serverCpu.systemNanos() / 1e6, serverCompilerNanos / 1e6, idleCpuMillisPerSecond);
    otherCpuNanos.forEach((name, nanos) -> out.printf(Locale.ROOT, "  %s CPU %.4f ms per call: %.1f ms in the window%n",
        name, measured.calls() == 0 ? Double.NaN : nanos / 1e6 / measured.calls(), nanos / 1e6));
    out.printf(Locale.ROOT, "  driver CPU %.4f ms per call; machine load average %.2f at the start%n",
        driverCpuMillisPerCall(), loadAverage);
    out.printf(Locale.ROOT, "  errors    %d %s%n", errors(), measured.errors().byStatus());
    warmup.errors().samples().forEach(s -> out.println("    warm-up " + s));
    measured.errors().samples().forEach(s -> out.println("    " + s));
    out.println(valid() ? "  VALID" : "  INVALID: every call must succeed and the window must hold calls");
  }

  /** One line of JSON for scripts: {@code RESULT {...}}. */
  String resultLine() {
    ObjectNode json = new ObjectMapper().createObjectNode()
        .put("label", label)
        .put("workload", workload.name())
        .put("threads", threads)
        .put("calls", measured.calls())
        .put("seconds", measured.elapsedNanos() / 1e9)
        .put("callsPerSecond", measured.callsPerSecond())
        .put("p50Millis", measured.latencyMillis(50))
        .put("p99Millis", measured.latencyMillis(99))
        .put("serverCpuMillisPerCall", serverCpuMillisPerCall())
        .put("serverCpuMillis", serverCpu.totalNanos() / 1e6)
        .put("serverUserCpuMillis", serverCpu.userNanos() / 1e6)
        .put("serverSystemCpuMillis", serverCpu.systemNanos() / 1e6)
        .put("serverCompilerCpuMillis", serverCompilerNanos / 1e6)
        .put("idleServerCpuMillisPerSecond", idleCpuMillisPerSecond)
        .put("driverCpuMillisPerCall", driverCpuMillisPerCall())
        .put("warmupCalls", warmup.calls())
        .put("loadAverage", loadAverage)
        .put("errors", errors())
        .put("valid", valid());
    ObjectNode other = json.putObject("otherCpuMillisPerCall");
    otherCpuNanos.forEach((name, nanos) -> other.put(name, measured.calls() == 0 ? Double.NaN : nanos / 1e6 / measured.calls()));
    try {
      return "RESULT " + new ObjectMapper().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

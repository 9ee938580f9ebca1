package io.gatehouse.bench.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load driver for an AWS-compatible server on loopback (Gatehouse, or a peer such as moto): sends
 * real SigV4-signed AWS requests on a few threads for a fixed time and reports calls/s, latency
 * and the server's CPU time per call, read from {@code /proc/<pid>/stat}. A benchmark, not a test.
 * Exit status: 0 for a valid run, 2 if any call failed, 1 if the run could not start.
 */
@Command(name = "LoadDriver", mixinStandardHelpOptions = true,
    description = "Drive signed AWS calls at a server on loopback; report calls/s and server CPU per call.")
public final class LoadDriver implements Callable<Integer> {

  @Option(names = "--endpoint", required = true, description = "http://127.0.0.1:PORT")
  URI endpoint;

  @Option(names = "--also-cpu-of", description = "label=regex: also report the CPU per call of the processes whose"
      + " command line matches (e.g. a database's backends: 'postgres-backends=postgres: .* mydb '); repeatable")
  private java.util.List<String> alsoCpuOf = new java.util.ArrayList<>();

  @Option(names = "--pid", required = true, description = "the server's process id, for its CPU time")
  long pid;

  @Option(names = "--access-key", defaultValue = "${env:AWS_ACCESS_KEY_ID}")
  String accessKey;

  @Option(names = "--secret-key", defaultValue = "${env:AWS_SECRET_ACCESS_KEY}")
  String secretKey;

  @Option(names = "--region", defaultValue = "us-east-1")
  String region;

  @Option(names = "--workload", required = true,
      description = "CreateUser, ListUsers, CreateGroupMembership, DescribeUser, GetCallerIdentity,"
          + " SessionGetCallerIdentity, GetRole, AssumeRole")
  String workload;

  @Option(names = "--seconds", defaultValue = "20", description = "measured window (default ${DEFAULT-VALUE})")
  int seconds;

  // A JVM server needs tens of thousands of calls before its JIT settles (measured: Gatehouse at
  // 5 ms per call after 300 calls, 0.15 ms after 36,000; a cold start on the loaded box made only
  // 8,800 calls in 60 s), so warm-up ends on a count, with time as a cap.
  @Option(names = "--warmup-seconds", defaultValue = "180",
      description = "warm-up time cap (default ${DEFAULT-VALUE})")
  int warmupSeconds;

  @Option(names = "--threads", defaultValue = "4")
  int threads;

  @Option(names = "--max-requests", defaultValue = "200000", description = "cap on measured calls")
  long maxRequests;

  @Option(names = "--warmup-max-requests", defaultValue = "50000",
      description = "warm-up ends after this many calls (default ${DEFAULT-VALUE}) or at the time cap")
  long warmupMaxRequests;

  @Option(names = "--idle-seconds", defaultValue = "2",
      description = "seconds of server idle CPU measured before the run (0 to skip)")
  int idleSeconds;

  @Option(names = "--identity-store-id", description = "default: from sso-admin ListInstances")
  String identityStoreId;

  @Option(names = "--label", defaultValue = "server", description = "name of the server in the report")
  String label;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadDriver()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (accessKey == null || secretKey == null) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "give --access-key and --secret-key (or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)");
    }
    if (seconds < 1 || threads < 1 || maxRequests < 1 || warmupSeconds < 0 || warmupMaxRequests < 0) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--seconds, --threads, --max-requests must be positive; warm-up options not negative");
    }
    Workload chosen;
    ProcessCpu server;
    SignedClient client;
    long ticks = ProcessCpu.clockTicksPerSecond();
    try {
      chosen = Workload.named(workload);
      server = ProcessCpu.of(pid, ticks);
      client = new SignedClient(endpoint, accessKey, secretKey, region);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    ProcessCpu driver = ProcessCpu.self(ticks);
    String runPrefix = "bench-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    IdentityStoreFixture fixture = new IdentityStoreFixture(client, runPrefix, identityStoreId, threads);

    Workload.CallSource source;
    try {
      source = chosen.prepare(fixture, warmupMaxRequests + maxRequests);
    } catch (SetupFailedException e) {
      System.err.println("setup of " + chosen.name() + " failed: " + e.getMessage());
      return 1;
    }

    double idleMillisPerSecond = idleCpu(server);
    AtomicLong sequence = new AtomicLong();
    LoadPhase phase = new LoadPhase(client, source, sequence);
    System.err.printf("%s: warming up (%d calls or %d s)%n", chosen.name(), warmupMaxRequests, warmupSeconds);
    LoadPhase.Result warmup = phase.run(threads, Duration.ofSeconds(warmupSeconds), warmupMaxRequests);
    System.err.printf("%s: measuring for %d s%n", chosen.name(), seconds);

    double loadAverage = loadAverage();
    java.util.List<MatchedProcessesCpu> others = new java.util.ArrayList<>();
    for (String spec : alsoCpuOf) others.add(MatchedProcessesCpu.parse(spec, ticks));
    java.util.List<java.util.Map<Long, Long>> othersBefore = others.stream().map(MatchedProcessesCpu::read).toList();
    ProcessCpu.Times serverBefore = server.times();
    long compilerBefore = server.compilerNanos();
    long driverBefore = driver.nanos();
    LoadPhase.Result measured = phase.run(threads, Duration.ofSeconds(seconds), maxRequests);
    ProcessCpu.Times serverCpu = server.times().minus(serverBefore);
    long compilerCpu = server.compilerNanos() - compilerBefore;
    long driverCpu = driver.nanos() - driverBefore;
    java.util.Map<String, Long> otherCpu = new java.util.LinkedHashMap<>();
    for (int i = 0; i < others.size(); i++) {
      otherCpu.put(others.get(i).label(), MatchedProcessesCpu.between(othersBefore.get(i), others.get(i).read()));
    }

    RunReport report = new RunReport(label, chosen, threads, warmup, measured, serverCpu, compilerCpu, driverCpu,
        idleMillisPerSecond, loadAverage, otherCpu);
    report.print(System.out);
    System.out.println(report.resultLine());
    return report.valid() ? 0 : 2;
  }

  /** The machine's 1-minute load average as the measured window starts: how shared the 2 cores were. */
  private static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private double idleCpu(ProcessCpu server) throws InterruptedException {
    if (idleSeconds <= 0) {
      return Double.NaN;
    }
    long before = server.nanos();
    long start = System.nanoTime();
    Thread.sleep(Duration.ofSeconds(idleSeconds));
    long elapsed = System.nanoTime() - start;
    return (server.nanos() - before) / 1e6 / (elapsed / 1e9);
  }
}
